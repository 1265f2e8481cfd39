package io.kontor.query.reception;

import io.kontor.events.reception.VisitorCheckedIn;
import io.kontor.events.reception.VisitorCheckedOut;
import io.kontor.query.frontdesk.ProjectionHarness;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
    void aDaysLogIsKeptInPartsOfOneSecondAndABatchRewritesOnlyThePartsItTouches() {
        harness.batch(at("2027-05-03T08:00:01.100Z", visitor("v-1", "Ole")),
                at("2027-05-03T08:00:01.900Z", visitor("v-2", "Bo")),
                at("2027-05-03T08:00:02Z", visitor("v-3", "Eva")));
        harness.batch(at("2027-05-03T09:00:00Z", visitor("v-4", "Kim")),
                at("2027-05-03T09:30:00Z", new VisitorCheckedOut("v-2", Instant.parse("2027-05-03T08:00:01.900Z"))));

        var visitors = harness.database.getCollection(ReceptionProjection.VISITORS);
        Document first = visitors.find(Filters.eq("_id", "log:2027-05-03/" + Instant.parse(
                "2027-05-03T08:00:01Z").getEpochSecond())).first();
        Document second = visitors.find(Filters.eq("_id", "log:2027-05-03/" + Instant.parse(
                "2027-05-03T08:00:02Z").getEpochSecond())).first();
        assertThat(first.getList("items", Document.class)).extracting(d -> d.getString("id"))
                .containsExactly("v-1", "v-2");
        // The second batch changed the first part (a check-out) but not the second: it still has the first batch's
        // position.
        assertThat(first.getLong("position")).isEqualTo(5L);
        assertThat(second.getList("items", Document.class)).extracting(d -> d.getString("id"))
                .containsExactly("v-3");
        assertThat(second.getLong("position")).isEqualTo(3L);
        assertThat(visitors.find(Filters.eq("_id", ReceptionProjection.logKey(LocalDate.of(2027, 5, 3)))).first()
                .getList("items", Document.class)).hasSize(3);

        VisitorsController.VisitorLog day = queries.day(LocalDate.of(2027, 5, 3));
        assertThat(day.visitors()).extracting(VisitorsController.VisitorView::id)
                .containsExactly("v-1", "v-2", "v-3", "v-4");
        assertThat(day.visitors().get(1).checkedOutAt()).isEqualTo("2027-05-03T09:30:00Z");
        assertThat(day.visitors().get(0).checkedOutAt()).isNull();
    }

    @Test
    void aDaysLogWrittenBeforeItHadPartsIsStillReadAndCheckedOutOf() {
        harness.database.getCollection(ReceptionProjection.VISITORS).insertOne(
                new Document("_id", "day:2027-05-03").append("position", 0L).append("items", List.of(
                        new Document("id", "v-old").append("name", "Ib").append("company", "Olsen ApS")
                                .append("hostId", "anna").append("hostName", "Anna Berg").append("purpose", "Audit")
                                .append("checkedInAt", "2027-05-03T07:00:00Z").append("checkedOutAt", null))));

        harness.batch(at("2027-05-03T08:00:00Z", visitor("v-new", "Ole")),
                at("2027-05-03T10:00:00Z", new VisitorCheckedOut("v-old", Instant.parse("2027-05-03T07:00:00Z"))));

        VisitorsController.VisitorLog day = queries.day(LocalDate.of(2027, 5, 3));
        assertThat(day.visitors()).extracting(VisitorsController.VisitorView::id).containsExactly("v-old", "v-new");
        assertThat(day.visitors().get(0).checkedOutAt()).isEqualTo("2027-05-03T10:00:00Z");
    }

    @Test
    void aVisitInAPartOfTenSecondsFromBeforePartsWereOneSecondIsStillReadAndCheckedOutOf() {
        Instant checkedIn = Instant.parse("2027-05-03T07:00:04Z");
        String olderPart = "log:2027-05-03@" + checkedIn.getEpochSecond() / 10;
        var visitors = harness.database.getCollection(ReceptionProjection.VISITORS);
        visitors.insertOne(new Document("_id", "log:2027-05-03").append("position", 0L)
                .append("items", List.of(new Document("id", olderPart))));
        visitors.insertOne(new Document("_id", olderPart).append("position", 0L).append("items", List.of(
                new Document("id", "v-old").append("name", "Ib").append("company", "Olsen ApS")
                        .append("hostId", "anna").append("hostName", "Anna Berg").append("purpose", "Audit")
                        .append("checkedInAt", checkedIn.toString()).append("checkedOutAt", null))));

        harness.batch(at("2027-05-03T08:00:00Z", visitor("v-new", "Ole")),
                at("2027-05-03T10:00:00Z", new VisitorCheckedOut("v-old", checkedIn)));

        VisitorsController.VisitorLog day = queries.day(LocalDate.of(2027, 5, 3));
        assertThat(day.visitors()).extracting(VisitorsController.VisitorView::id).containsExactly("v-old", "v-new");
        assertThat(day.visitors().get(0).checkedOutAt()).isEqualTo("2027-05-03T10:00:00Z");
        assertThat(visitors.find(Filters.eq("_id", olderPart)).first().getLong("position")).isEqualTo(2L);
    }

    @Test
    void whoIsOnSiteIsKeptInPartsOfOneSecondAndAPartLeavesTheIndexWithItsLastVisitor() {
        harness.batch(at("2027-05-03T08:00:01.100Z", visitor("v-1", "Ole")),
                at("2027-05-03T08:00:01.900Z", visitor("v-2", "Bo")),
                at("2027-05-03T08:00:02Z", visitor("v-3", "Eva")));
        harness.batch(at("2027-05-03T09:00:00Z", new VisitorCheckedOut("v-3", Instant.parse("2027-05-03T08:00:02Z"))),
                at("2027-05-03T09:30:00Z", new VisitorCheckedOut("v-1", Instant.parse("2027-05-03T08:00:01.100Z"))));

        var visitors = harness.database.getCollection(ReceptionProjection.VISITORS);
        String first = "on-site/" + Instant.parse("2027-05-03T08:00:01Z").getEpochSecond();
        assertThat(visitors.find(Filters.eq("_id", first)).first().getList("items", Document.class))
                .extracting(d -> d.getString("id")).containsExactly("v-2");
        assertThat(visitors.find(Filters.eq("_id", ReceptionProjection.ON_SITE_INDEX)).first()
                .getList("items", Document.class)).extracting(d -> d.getString("id")).containsExactly(first);
        assertThat(visitors.find(Filters.eq("_id", ReceptionProjection.ON_SITE)).first()).isNull();
        assertThat(queries.onSite()).extracting(VisitorsController.VisitorView::id).containsExactly("v-2");
    }

    @Test
    void visitorsOnTheOnSiteListFromBeforeItHadPartsAreStillListedAndLeaveIt() {
        var visitors = harness.database.getCollection(ReceptionProjection.VISITORS);
        visitors.insertOne(new Document("_id", ReceptionProjection.ON_SITE).append("position", 0L).append("items",
                List.of(new Document("id", "v-old").append("name", "Ib").append("company", "Olsen ApS")
                                .append("hostId", "anna").append("hostName", "Anna Berg").append("purpose", "Audit")
                                .append("checkedInAt", "2027-05-03T07:00:00Z").append("checkedOutAt", null),
                        new Document("id", "v-older").append("name", "Jo").append("company", "Olsen ApS")
                                .append("hostId", "anna").append("hostName", "Anna Berg").append("purpose", "Audit")
                                .append("checkedInAt", "2027-05-03T06:00:00Z").append("checkedOutAt", null))));

        harness.batch(at("2027-05-03T08:00:00Z", visitor("v-new", "Ole")));
        assertThat(queries.onSite()).extracting(VisitorsController.VisitorView::id)
                .containsExactly("v-older", "v-old", "v-new");

        harness.batch(at("2027-05-03T10:00:00Z", new VisitorCheckedOut("v-old", Instant.parse("2027-05-03T07:00:00Z"))));
        assertThat(queries.onSite()).extracting(VisitorsController.VisitorView::id).containsExactly("v-older", "v-new");
        assertThat(visitors.find(Filters.eq("_id", ReceptionProjection.ON_SITE)).first()
                .getList("items", Document.class)).extracting(d -> d.getString("id")).containsExactly("v-older");
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
