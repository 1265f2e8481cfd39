package io.kontor.command.servicedesk;

import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** IT support resolves an open ticket. */
public record ResolveTicket(String ticketId, Actor actor, String resolution) {

    public ResolveTicket {
        Checks.id(ticketId, "id");
        Checks.required(actor, "actor");
        Checks.text(resolution, "resolution", 5000);
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Ticket.streamId(ticketId);
    }
}
