package io.kontor.events.servicedesk;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Objects;

/** IT support ({@code by}) gave the ticket to {@code assignee} at {@code at}; the first assignment is a response. */
@Revision("1")
public record TicketAssigned(String ticketId, String assignee, String by, Instant at) {

    public TicketAssigned {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
