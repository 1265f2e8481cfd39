package io.kontor.events.reservations;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Objects;

/**
 * The customer arrived and took the resource.
 * Carries the reserved slot, so views find its days from this event alone.
 */
@Revision("1")
public record ReservationCheckedIn(String resourceId, String reservationId, Instant from, Instant to) {

    public ReservationCheckedIn {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
