package io.kontor.command.servicedesk;

import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** IT support, or the ticket's reporter, adds a comment. */
public record CommentOnTicket(String ticketId, String commentId, Actor actor, String text) {

    public CommentOnTicket {
        Checks.id(ticketId, "id");
        Checks.required(commentId, "commentId");
        Checks.required(actor, "actor");
        Checks.text(text, "text", 5000);
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Ticket.streamId(ticketId);
    }
}
