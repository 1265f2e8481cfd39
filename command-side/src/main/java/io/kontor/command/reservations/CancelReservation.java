package io.kontor.command.reservations;

import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancel a reservation, named by its id alone. */
public record CancelReservation(String reservationId) {

    public CancelReservation {
        Checks.id(reservationId, "id");
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Reservation.streamId(reservationId);
    }
}
