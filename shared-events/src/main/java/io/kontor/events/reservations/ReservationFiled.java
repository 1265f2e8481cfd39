package io.kontor.events.reservations;

import org.axonframework.serialization.Revision;

import java.util.Objects;

/**
 * A reservation id and the resource it is filed under. The reservation itself lives in the resource's stream; this
 * one lets a cancel, check-in or check-out that names only the reservation find it, and makes its id unique.
 */
@Revision("1")
public record ReservationFiled(String reservationId, String resourceId) {

    public ReservationFiled {
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(resourceId, "resourceId");
    }
}
