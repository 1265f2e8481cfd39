package io.kontor.command.reception;

import io.kontor.command.web.CommandAnswer;
import io.kontor.command.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReceptionController {

    private final Commands commands;

    ReceptionController(Commands commands) {
        this.commands = commands;
    }

    record VisitorRequest(String id, String name, String company, String host, String purpose) {
    }

    @PostMapping("/api/visitors")
    @Operation(summary = "Check a visitor in: name, company?, host (an employee not past their last day), purpose "
            + "(role FRONT_DESK)")
    ResponseEntity<CommandAnswer> checkIn(@RequestBody VisitorRequest request) {
        String id = Commands.idOrNew(request.id());
        return commands.created(request, id, new CheckInVisitor(id, request.name(), request.company(),
                request.host(), request.purpose()));
    }

    @PostMapping("/api/visitors/{id}/check-out")
    @Operation(summary = "Check a visitor out; a second check-out is 409 (role FRONT_DESK)")
    ResponseEntity<CommandAnswer> checkOut(@PathVariable String id) {
        return commands.acted(null, id, new CheckOutVisitor(id));
    }
}
