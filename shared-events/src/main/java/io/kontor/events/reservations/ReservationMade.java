package io.kontor.events.reservations;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Objects;

/**
 * The resource is reserved for {@code customer} from {@code from} (included) to {@code to} (excluded). Decided by the
 * resource's own stream, so no two active reservations of one resource overlap.
 */
@Revision("1")
public record ReservationMade(String resourceId, String reservationId, String customer, Instant from, Instant to) {

    public ReservationMade {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
