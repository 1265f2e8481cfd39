package io.kontor.command.reservations;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.kontor.events.reservations.ReservationCancelled;
import io.kontor.events.reservations.ReservationCheckedIn;
import io.kontor.events.reservations.ReservationCheckedOut;
import io.kontor.events.reservations.ReservationMade;
import io.kontor.events.reservations.ResourceKind;
import io.kontor.events.reservations.ResourceRegistered;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A bookable resource and its calendar: the consistency boundary of reservations. Every booking, cancellation,
 * check-in and check-out of the resource is decided here, so two desks booking the same slot at once serialize on
 * this stream (in one process on its lock, across processes on its sequence numbers: the loser's append fails with
 * a concurrency conflict) and at most one wins.
 *
 * <p>Active reservations ({@link Status#BOOKED} or {@link Status#CHECKED_IN}) block their slot; a cancelled or
 * checked-out one frees it. The calendar in memory stays bounded: a reservation that ended more than
 * {@link #RETENTION} before the latest booking, and is not checked in, is dropped (the log keeps it); a command on it
 * is refused as {@code RESERVATION_ARCHIVED}. Snapshots are its fields as JSON (see {@link ReservationsConfiguration}).
 */
@Aggregate(snapshotTriggerDefinition = "reservationsSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Resource {

    static final Duration RETENTION = Duration.ofDays(7);
    private static final String STREAM_PREFIX = "resource:";

    @AggregateIdentifier
    private String streamId;
    private String resourceId;
    private ResourceKind kind;
    private LinkedHashMap<String, Booking> bookings;

    enum Status {
        BOOKED, CHECKED_IN, CHECKED_OUT, CANCELLED;

        boolean active() {
            return this == BOOKED || this == CHECKED_IN;
        }

        boolean canBecome(Status next) {
            return this == BOOKED && (next == CHECKED_IN || next == CANCELLED)
                    || this == CHECKED_IN && next == CHECKED_OUT;
        }
    }

    private record Booking(Instant from, Instant to, Status status) {
        boolean overlaps(Instant otherFrom, Instant otherTo) {
            return status.active() && from.isBefore(otherTo) && otherFrom.isBefore(to);
        }

        Booking becomes(Status next) {
            return new Booking(from, to, next);
        }
    }

    /** Axon rebuilds the resource from its events, and creates it empty for the create-if-missing handlers. */
    protected Resource() {
    }

    public static String streamId(String resourceId) {
        return STREAM_PREFIX + resourceId;
    }

    /** Create-if-missing, so that a taken id is refused by the resource itself as {@code DUPLICATE}. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void register(RegisterResource command) {
        if (resourceId != null) {
            throw new KontorException(ErrorCode.DUPLICATE, "resource " + command.resourceId() + " already exists",
                    Map.of("field", "id"));
        }
        apply(new ResourceRegistered(command.resourceId(), command.name(), command.kind()));
    }

    /** Create-if-missing only so that an unknown resource is a 404 from here; it creates nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void reserve(ReserveResource command, Resources resources) {
        if (resourceId == null) {
            throw new KontorException(ErrorCode.NOT_FOUND, "no resource " + command.resourceId(),
                    Map.of("field", "resource"));
        }
        for (Map.Entry<String, Booking> booking : bookings.entrySet()) {
            if (booking.getValue().overlaps(command.from(), command.to())) {
                throw new KontorException(ErrorCode.CONFLICT, "resource " + resourceId + " is reserved from "
                        + booking.getValue().from() + " to " + booking.getValue().to(),
                        Map.of("rule", "OVERLAPPING_RESERVATION", "field", "from", "reservation", booking.getKey()));
            }
        }
        if (resources.reservationExists(command.reservationId())) {
            throw new KontorException(ErrorCode.DUPLICATE, "reservation " + command.reservationId()
                    + " already exists", Map.of("field", "id"));
        }
        apply(new ReservationMade(resourceId, command.reservationId(), command.customer(), command.from(),
                command.to()));
        resources.file(command.reservationId(), resourceId);
    }

    /** Called by the reservation's own stream inside its command, so both are one commit. */
    void cancel(String reservationId) {
        Booking booking = transition(reservationId, Status.CANCELLED);
        apply(new ReservationCancelled(resourceId, reservationId, booking.from(), booking.to()));
    }

    void checkIn(String reservationId) {
        Booking booking = transition(reservationId, Status.CHECKED_IN);
        apply(new ReservationCheckedIn(resourceId, reservationId, booking.from(), booking.to()));
    }

    void checkOut(String reservationId) {
        Booking booking = transition(reservationId, Status.CHECKED_OUT);
        apply(new ReservationCheckedOut(resourceId, reservationId, booking.from(), booking.to()));
    }

    /**
     * Refuses a step the reservation's state does not allow: the same step again is a 409 {@code CONFLICT}
     * ({@code ALREADY_...}), as a second termination is; a step out of order (check-out before check-in, check-in
     * of a cancelled reservation) is a 422 naming the state that forbids it.
     */
    private Booking transition(String reservationId, Status next) {
        Booking booking = bookings.get(reservationId);
        if (booking == null) {
            throw new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED, "reservation " + reservationId
                    + " ended more than " + RETENTION.toDays() + " days ago and is closed",
                    Map.of("rule", "RESERVATION_ARCHIVED"));
        }
        if (booking.status() == next) {
            throw new KontorException(ErrorCode.CONFLICT, "reservation " + reservationId + " is already "
                    + next.name().toLowerCase().replace('_', ' '), Map.of("rule", "ALREADY_" + next.name()));
        }
        if (!booking.status().canBecome(next)) {
            String rule = booking.status() == Status.BOOKED ? "NOT_CHECKED_IN" : "RESERVATION_" + booking.status();
            throw new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED, "reservation " + reservationId + " is "
                    + booking.status().name().toLowerCase().replace('_', ' ') + " and cannot be "
                    + next.name().toLowerCase().replace('_', ' '), Map.of("rule", rule));
        }
        return booking;
    }

    /** How many reservations the calendar holds in memory (and in snapshots). */
    int calendarSize() {
        return bookings.size();
    }

    @EventSourcingHandler
    void on(ResourceRegistered event) {
        streamId = streamId(event.resourceId());
        resourceId = event.resourceId();
        kind = event.kind();
        bookings = new LinkedHashMap<>();
    }

    @EventSourcingHandler
    void on(ReservationMade event, @Timestamp Instant at) {
        Instant horizon = at.minus(RETENTION);
        bookings.values().removeIf(booking -> booking.status() != Status.CHECKED_IN && booking.to().isBefore(horizon));
        bookings.put(event.reservationId(), new Booking(event.from(), event.to(), Status.BOOKED));
    }

    @EventSourcingHandler
    void on(ReservationCancelled event) {
        bookings.computeIfPresent(event.reservationId(), (id, booking) -> booking.becomes(Status.CANCELLED));
    }

    @EventSourcingHandler
    void on(ReservationCheckedIn event) {
        bookings.computeIfPresent(event.reservationId(), (id, booking) -> booking.becomes(Status.CHECKED_IN));
    }

    @EventSourcingHandler
    void on(ReservationCheckedOut event) {
        bookings.computeIfPresent(event.reservationId(), (id, booking) -> booking.becomes(Status.CHECKED_OUT));
    }
}
