package io.kontor.query.reservations;

import io.kontor.events.reservations.ReservationCancelled;
import io.kontor.events.reservations.ReservationCheckedIn;
import io.kontor.events.reservations.ReservationMade;
import io.kontor.events.reservations.ResourceKind;
import io.kontor.events.reservations.ResourceRegistered;
import io.kontor.query.frontdesk.ProjectionHarness;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static io.kontor.query.frontdesk.ProjectionHarness.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ReservationsProjectionTest {

    private static final String WHEN = "2027-01-10T12:00:00Z";
    /** Copenhagen is UTC+1 in January: its 11 January runs from 23:00 UTC on the 10th. */
    private static final LocalDate ELEVENTH = LocalDate.of(2027, 1, 11);

    private final ProjectionHarness harness = new ProjectionHarness(
            h -> new ReservationsProjection(h.views, h.live));
    private final ReservationsController queries = new ReservationsController(harness.views, harness.live);

    private static ReservationMade made(String resource, String id, String from, String to) {
        return new ReservationMade(resource, id, "Olsen ApS", Instant.parse(from), Instant.parse(to));
    }

    private void givenResourcesAndBookings() {
        harness.batch(at(WHEN, new ResourceRegistered("room-1", "Room 1", ResourceKind.MEETING_ROOM)),
                at(WHEN, new ResourceRegistered("room-2", "Room 2", ResourceKind.MEETING_ROOM)),
                at(WHEN, new ResourceRegistered("desk-1", "Desk 1", ResourceKind.DESK)),
                // 08:00 to 14:00 local.
                at(WHEN, made("room-1", "r-1", "2027-01-11T07:00:00Z", "2027-01-11T13:00:00Z")),
                at(WHEN, made("room-1", "r-2", "2027-01-11T13:00:00Z", "2027-01-11T15:00:00Z")),
                at(WHEN, made("room-2", "r-3", "2027-01-11T08:00:00Z", "2027-01-11T09:00:00Z")),
                // 22:00 local on the 10th to 02:00 local on the 12th: the whole 11th.
                at(WHEN, made("desk-1", "r-4", "2027-01-10T21:00:00Z", "2027-01-12T01:00:00Z")));
        harness.batch(at(WHEN, new ReservationCancelled("room-1", "r-2", Instant.parse("2027-01-11T13:00:00Z"),
                        Instant.parse("2027-01-11T15:00:00Z"))),
                at(WHEN, new ReservationCheckedIn("room-2", "r-3", Instant.parse("2027-01-11T08:00:00Z"),
                        Instant.parse("2027-01-11T09:00:00Z"))));
    }

    @Test
    void theCalendarOfAResourceHasItsReservationsWithTheirStateByStart() {
        givenResourcesAndBookings();

        ReservationsController.Calendar calendar = queries.calendar("room-1", ELEVENTH, ELEVENTH);

        assertThat(calendar.reservations()).extracting(ReservationsController.ReservationView::id)
                .containsExactly("r-1", "r-2");
        assertThat(calendar.reservations().get(1).status()).isEqualTo("CANCELLED");
        assertThat(queries.calendar(null, ELEVENTH, ELEVENTH).reservations())
                .extracting(ReservationsController.ReservationView::id).containsExactly("r-4", "r-1", "r-3", "r-2");
        assertThat(queries.calendar(null, ELEVENTH, ELEVENTH).reservations().get(2).status()).isEqualTo("CHECKED_IN");
        assertThat(queries.calendar("desk-1", ELEVENTH.plusDays(1), ELEVENTH.plusDays(1)).reservations())
                .extracting(ReservationsController.ReservationView::id).containsExactly("r-4");
        assertThat(queries.calendar("desk-1", ELEVENTH.plusDays(2), ELEVENTH.plusDays(3)).reservations()).isEmpty();
    }

    @Test
    void occupancyCountsReservedHoursThatAreNotCancelledWithinTheDayPerResourceAndKind() {
        givenResourcesAndBookings();

        ReservationsController.Occupancy occupancy = queries.occupancy(ELEVENTH);

        assertThat(occupancy.hoursInDay()).isEqualTo("24.00");
        assertThat(occupancy.resources()).extracting(ReservationsController.ResourceOccupancy::resource,
                        ReservationsController.ResourceOccupancy::bookedHours,
                        ReservationsController.ResourceOccupancy::share)
                .containsExactly(
                        tuple("desk-1", "24.00", "1.0000"),
                        tuple("room-1", "6.00", "0.2500"),
                        tuple("room-2", "1.00", "0.0417"));
        assertThat(occupancy.kinds()).containsExactly(
                new ReservationsController.KindOccupancy("DESK", 1, "24.00", "1.0000"),
                new ReservationsController.KindOccupancy("MEETING_ROOM", 2, "7.00", "0.1458"));
    }

    @Test
    void everyChangeIsPublishedAfterTheBatchCommits() {
        givenResourcesAndBookings();

        assertThat(harness.published).containsExactly("reservations RESERVED @4", "reservations RESERVED @5",
                "reservations RESERVED @6", "reservations RESERVED @7", "reservations CANCELLED @8",
                "reservations CHECKED_IN @9");
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        givenResourcesAndBookings();

        harness.redeliver(4, 2);

        assertThat(queries.calendar("room-1", ELEVENTH, ELEVENTH).reservations().get(1).status())
                .isEqualTo("CANCELLED");
    }
}
