package io.kontor.command.servicedesk;

import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** IT support reopens a resolved ticket. */
public record ReopenTicket(String ticketId, Actor actor, String reason) {

    public ReopenTicket {
        Checks.id(ticketId, "id");
        Checks.required(actor, "actor");
        Checks.text(reason, "reason", 5000);
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Ticket.streamId(ticketId);
    }
}
