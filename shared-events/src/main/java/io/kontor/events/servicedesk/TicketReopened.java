package io.kontor.events.servicedesk;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Objects;

/**
 * IT support ({@code by}) reopened a resolved ticket at {@code at}. Its service-level clock never stopped: the breach
 * time stays opened-at plus the service level (the reporter's problem was not solved after all).
 */
@Revision("1")
public record TicketReopened(String ticketId, String reason, String by, Instant at) {

    public TicketReopened {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
