package io.kontor.command.servicedesk;

import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** IT support gives the ticket to {@code assignee}. */
public record AssignTicket(String ticketId, Actor actor, String assignee) {

    public AssignTicket {
        Checks.id(ticketId, "id");
        Checks.required(actor, "actor");
        Checks.id(assignee, "assignee");
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Ticket.streamId(ticketId);
    }
}
