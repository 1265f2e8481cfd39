package io.kontor.command.reservations;

import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Check out a reservation, named by its id alone. */
public record CheckOutReservation(String reservationId) {

    public CheckOutReservation {
        Checks.id(reservationId, "id");
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Reservation.streamId(reservationId);
    }
}
