package io.kontor.query.reception;

import io.kontor.events.reception.VisitorCheckedIn;
import io.kontor.events.reception.VisitorCheckedOut;
import io.kontor.query.frontdesk.ProjectionHarness;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static io.kontor.query.frontdesk.ProjectionHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

class ReceptionProjectionTest {

    private final ProjectionHarness harness = new ProjectionHarness(
            h -> new ReceptionProjection(h.views, h.live));
    private final VisitorsController queries = new VisitorsController(harness.views, harness.live);

    private static VisitorCheckedIn visitor(String id, String name) {
        return new VisitorCheckedIn(id, name, "Olsen ApS", "anna", "Anna Berg", "Meeting");
    }

    @Test
    void theOnSiteListHasWhoCheckedInAndNotOutByArrival() {
        harness.batch(at("2027-05-03T08:00:00Z", visitor("v-2", "Bo")),
                at("2027-05-03T07:30:00Z", visitor("v-1", "Ole")),
                at("2027-05-03T09:00:00Z", visitor("v-3", "Eva")),
                at("2027-05-03T10:00:00Z", new VisitorCheckedOut("v-3", Instant.parse("2027-05-03T09:00:00Z"))));

        assertThat(queries.onSite()).extracting(VisitorsController.VisitorView::name).containsExactly("Ole", "Bo");
        assertThat(queries.onSite().get(0).hostName()).isEqualTo("Anna Berg");
        assertThat(harness.published).containsExactly("visitors-on-site ARRIVED @1", "visitors-on-site ARRIVED @2",
                "visitors-on-site ARRIVED @3", "visitors-on-site LEFT @4");
    }

    @Test
    void theVisitorLogOfADayHasCheckInAndOutTimesFromTheEventsAndDaysAreDanish() {
        harness.batch(at("2027-05-03T08:00:00Z", visitor("v-1", "Ole")),
                // 23:30 UTC on the 3rd is 01:30 on the 4th in Copenhagen (summer time).
                at("2027-05-03T23:30:00Z", visitor("v-2", "Bo")));
        harness.batch(at("2027-05-04T01:00:00Z", new VisitorCheckedOut("v-1", Instant.parse("2027-05-03T08:00:00Z"))));

        VisitorsController.VisitorLog third = queries.day(LocalDate.of(2027, 5, 3));
        assertThat(third.visitors()).extracting(VisitorsController.VisitorView::id).containsExactly("v-1");
        assertThat(third.visitors().get(0).checkedInAt()).isEqualTo("2027-05-03T08:00:00Z");
        assertThat(third.visitors().get(0).checkedOutAt()).isEqualTo("2027-05-04T01:00:00Z");
        VisitorsController.VisitorLog fourth = queries.day(LocalDate.of(2027, 5, 4));
        assertThat(fourth.visitors()).extracting(VisitorsController.VisitorView::id).containsExactly("v-2");
        assertThat(fourth.visitors().get(0).checkedOutAt()).isNull();
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        long first = harness.batch(at("2027-05-03T08:00:00Z", visitor("v-1", "Ole")),
                at("2027-05-03T09:00:00Z", new VisitorCheckedOut("v-1", Instant.parse("2027-05-03T08:00:00Z"))));

        harness.redeliver(first, 1);

        assertThat(queries.onSite()).isEmpty();
        assertThat(queries.day(LocalDate.of(2027, 5, 3)).visitors().get(0).checkedOutAt())
                .isEqualTo("2027-05-03T09:00:00Z");
    }
}
