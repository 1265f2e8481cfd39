package io.kontor.query.servicedesk;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.kontor.events.servicedesk.TicketPriority;
import io.kontor.query.web.ReadsView;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import io.swagger.v3.oas.annotations.Operation;
import io.kontor.query.common.Views;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** IT support sees every ticket and the service levels; any other user sees only the tickets they reported. */
@RestController
@ReadsView(ServiceDeskProjection.GROUP)
class TicketsController {

    private static final String SUPPORT_ROLE = "ROLE_IT_SUPPORT";

    private final Views views;

    TicketsController(Views views) {
        this.views = views;
    }

    @GetMapping("/api/tickets")
    @Operation(summary = "Tickets, oldest first, optionally by status OPEN/RESOLVED and priority P1-P4: all of them "
            + "for IT support, one's own for anyone else")
    List<TicketView> tickets(@RequestParam(required = false) String status,
                             @RequestParam(required = false) String priority, Authentication user) {
        List<Bson> filters = new ArrayList<>();
        if (!support(user)) {
            filters.add(Filters.eq("reporter", user.getName()));
        }
        if (status != null) {
            filters.add(Filters.eq("status", parse(TicketStatus.class, status, "status")));
        }
        if (priority != null) {
            filters.add(Filters.eq("priority", parse(TicketPriority.class, priority, "priority")));
        }
        List<TicketView> result = new ArrayList<>();
        (filters.isEmpty() ? tickets().find() : tickets().find(Filters.and(filters)))
                .sort(Sorts.ascending("openedAt", "_id")).forEach(d -> result.add(TicketView.of(d)));
        return result;
    }

    @GetMapping("/api/tickets/{id}")
    @Operation(summary = "One ticket with its comments: IT support, or its reporter")
    TicketView ticket(@PathVariable String id, Authentication user) {
        Document found = tickets().find(Filters.eq("_id", id)).first();
        if (found == null) {
            throw new KontorException(ErrorCode.NOT_FOUND, "no ticket " + id);
        }
        TicketView ticket = TicketView.of(found);
        if (!support(user) && !ticket.reporter().equals(user.getName())) {
            throw new KontorException(ErrorCode.FORBIDDEN, "only IT support and its reporter see ticket " + id);
        }
        return ticket;
    }

    @GetMapping("/api/tickets/sla")
    @Operation(summary = "Service levels at an instant (default now): open tickets by priority and age, breached and "
            + "about to breach (within a quarter of the service level), average time to first response and to "
            + "resolution per priority (role IT_SUPPORT)")
    ServiceLevels.Report serviceLevels(@RequestParam(required = false)
                                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
        List<TicketView> all = new ArrayList<>();
        tickets().find().forEach(d -> all.add(TicketView.of(d)));
        return ServiceLevels.at(at == null ? Instant.now() : at, all);
    }

    private static boolean support(Authentication user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(SUPPORT_ROLE::equals);
    }

    private static <E extends Enum<E>> String parse(Class<E> type, String given, String field) {
        try {
            return Enum.valueOf(type, given.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw KontorException.invalidField(field, field + " is one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    private MongoCollection<Document> tickets() {
        return views.collection(ServiceDeskProjection.TICKETS);
    }
}
