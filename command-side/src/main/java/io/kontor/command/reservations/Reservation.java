package io.kontor.command.reservations;

import io.kontor.events.reservations.ReservationFiled;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A reservation id and the resource it is filed under. The reservation itself (its slot and state) lives in the
 * resource's stream, where overlaps are checked; this stream lets a command that names only the reservation find it.
 */
@Aggregate
public class Reservation {

    private static final String STREAM_PREFIX = "reservation:";

    @AggregateIdentifier
    private String streamId;
    private String reservationId;
    private String resourceId;

    /** Axon rebuilds the reservation from its events, and creates it empty for the create-if-missing handlers. */
    protected Reservation() {
    }

    /** Filed by the resource's reserve command, in its unit of work. */
    Reservation(String reservationId, String resourceId) {
        apply(new ReservationFiled(reservationId, resourceId));
    }

    public static String streamId(String reservationId) {
        return STREAM_PREFIX + reservationId;
    }

    /** Create-if-missing only so that an unknown id is a 404 from here; it creates nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void cancel(CancelReservation command, Resources resources) {
        requireFiled(command.reservationId());
        resources.onResource(resourceId, resource -> resource.cancel(reservationId));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void checkIn(CheckInReservation command, Resources resources) {
        requireFiled(command.reservationId());
        resources.onResource(resourceId, resource -> resource.checkIn(reservationId));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void checkOut(CheckOutReservation command, Resources resources) {
        requireFiled(command.reservationId());
        resources.onResource(resourceId, resource -> resource.checkOut(reservationId));
    }

    private void requireFiled(String requested) {
        if (reservationId == null) {
            throw new KontorException(ErrorCode.NOT_FOUND, "no reservation " + requested, Map.of("field", "id"));
        }
    }

    @EventSourcingHandler
    void on(ReservationFiled event) {
        streamId = streamId(event.reservationId());
        reservationId = event.reservationId();
        resourceId = event.resourceId();
    }
}
