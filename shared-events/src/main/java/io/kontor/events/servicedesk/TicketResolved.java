package io.kontor.events.servicedesk;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Objects;

/** IT support ({@code by}) resolved the ticket at {@code at}, saying how. */
@Revision("1")
public record TicketResolved(String ticketId, String resolution, String by, Instant at) {

    public TicketResolved {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
