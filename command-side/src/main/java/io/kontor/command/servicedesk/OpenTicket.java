package io.kontor.command.servicedesk;

import io.kontor.events.servicedesk.TicketCategory;
import io.kontor.events.servicedesk.TicketPriority;
import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code actor} asks IT support for help. */
public record OpenTicket(String ticketId, Actor actor, TicketCategory category, TicketPriority priority, String title,
                         String description) {

    public OpenTicket {
        Checks.id(ticketId, "id");
        Checks.required(actor, "actor");
        Checks.required(category, "category");
        Checks.required(priority, "priority");
        Checks.text(title, "title", 200);
        Checks.text(description, "description", 5000);
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Ticket.streamId(ticketId);
    }
}
