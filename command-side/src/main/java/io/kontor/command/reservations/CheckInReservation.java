package io.kontor.command.reservations;

import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Check in a reservation, named by its id alone. */
public record CheckInReservation(String reservationId) {

    public CheckInReservation {
        Checks.id(reservationId, "id");
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Reservation.streamId(reservationId);
    }
}
