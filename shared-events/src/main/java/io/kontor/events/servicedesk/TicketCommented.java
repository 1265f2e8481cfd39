package io.kontor.events.servicedesk;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Objects;

/**
 * {@code author} commented on the ticket at {@code at}. {@code bySupport} tells IT support's comments (which count as
 * a response to the reporter) from the reporter's own.
 */
@Revision("1")
public record TicketCommented(String ticketId, String commentId, String author, boolean bySupport, String text,
                              Instant at) {

    public TicketCommented {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(commentId, "commentId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }
}
