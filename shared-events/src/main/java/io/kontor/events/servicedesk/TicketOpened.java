package io.kontor.events.servicedesk;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Objects;

/**
 * {@code reporter} asked IT support for help at {@code at}. The ticket's service level runs from {@code at} (see
 * {@link TicketPriority#serviceLevel()}); the event carries its own time so every view computes the same breach time.
 */
@Revision("1")
public record TicketOpened(String ticketId, String reporter, TicketCategory category, TicketPriority priority,
                           String title, String description, Instant at) {

    public TicketOpened {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(at, "at");
    }
}
