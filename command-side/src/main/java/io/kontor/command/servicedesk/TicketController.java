package io.kontor.command.servicedesk;

import io.kontor.command.common.CommandMetadata;
import io.kontor.command.web.CommandAnswer;
import io.kontor.command.web.Commands;
import io.kontor.events.servicedesk.TicketCategory;
import io.kontor.events.servicedesk.TicketPriority;
import io.kontor.shared.Checks;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TicketController {

    static final String SUPPORT_ROLE = "ROLE_IT_SUPPORT";

    private final Commands commands;

    TicketController(Commands commands) {
        this.commands = commands;
    }

    record OpenRequest(String id, TicketCategory category, TicketPriority priority, String title,
                       String description) {
    }

    record AssignRequest(String assignee) {
    }

    record CommentRequest(String text) {
    }

    record ResolveRequest(String resolution) {
    }

    record ReopenRequest(String reason) {
    }

    @PostMapping("/api/tickets")
    @Operation(summary = "Open an IT support ticket: category HARDWARE/SOFTWARE/ACCESS/OTHER, priority P1-P4, "
            + "title, description (any signed-in user)")
    ResponseEntity<CommandAnswer> open(@RequestBody OpenRequest request) {
        String id = request.id() == null ? Commands.newId() : Checks.id(request.id(), "id");
        return commands.created(request, id, new OpenTicket(id, actor(), request.category(), request.priority(),
                request.title(), request.description()));
    }

    @PostMapping("/api/tickets/{id}/assignment")
    @Operation(summary = "Assign a ticket to someone in IT support (role IT_SUPPORT)")
    ResponseEntity<CommandAnswer> assign(@PathVariable String id, @RequestBody AssignRequest request) {
        return commands.acted(request, id, new AssignTicket(id, actor(), request.assignee()));
    }

    @PostMapping("/api/tickets/{id}/comments")
    @Operation(summary = "Comment on a ticket; answers the comment's id (role IT_SUPPORT, or the ticket's reporter)")
    ResponseEntity<CommandAnswer> comment(@PathVariable String id, @RequestBody CommentRequest request) {
        String commentId = Commands.newId();
        return commands.created(request, commentId, new CommentOnTicket(id, commentId, actor(), request.text()));
    }

    @PostMapping("/api/tickets/{id}/resolution")
    @Operation(summary = "Resolve an open ticket; a resolved one is 409 (role IT_SUPPORT)")
    ResponseEntity<CommandAnswer> resolve(@PathVariable String id, @RequestBody ResolveRequest request) {
        return commands.acted(request, id, new ResolveTicket(id, actor(), request.resolution()));
    }

    @PostMapping("/api/tickets/{id}/reopening")
    @Operation(summary = "Reopen a resolved ticket; an open one is 409 (role IT_SUPPORT)")
    ResponseEntity<CommandAnswer> reopen(@PathVariable String id, @RequestBody ReopenRequest request) {
        return commands.acted(request, id, new ReopenTicket(id, actor(), request.reason()));
    }

    /** The signed-in user, and whether they hold IT support's role. */
    private static Actor actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean support = authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(SUPPORT_ROLE::equals);
        return new Actor(CommandMetadata.currentUser(), support);
    }
}
