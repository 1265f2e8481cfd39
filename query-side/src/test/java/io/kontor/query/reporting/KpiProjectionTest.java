package io.kontor.query.reporting;

import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.testing.TestMongo;
import io.kontor.events.billing.InvoiceIssued;
import io.kontor.events.billing.PaymentMethod;
import io.kontor.events.billing.PaymentReceived;
import io.kontor.events.hr.EmployeeHired;
import io.kontor.events.hr.EmployeeTerminated;
import io.kontor.events.hr.PayrollRunCompleted;
import io.kontor.events.inventory.StockIssued;
import io.kontor.events.ledger.JournalEntryPosted;
import io.kontor.events.ledger.JournalEntryReversed;
import io.kontor.events.ledger.JournalLine;
import io.kontor.events.reception.VisitorCheckedIn;
import io.kontor.events.reservations.ReservationCancelled;
import io.kontor.events.reservations.ReservationCheckedOut;
import io.kontor.events.reservations.ReservationMade;
import io.kontor.events.reservations.ResourceKind;
import io.kontor.events.reservations.ResourceRegistered;
import io.kontor.events.servicedesk.TicketCategory;
import io.kontor.events.servicedesk.TicketOpened;
import io.kontor.events.servicedesk.TicketPriority;
import io.kontor.events.servicedesk.TicketResolved;
import io.kontor.query.common.ProjectionHarness;
import io.kontor.query.common.RebuildableView;
import io.kontor.query.common.ViewGenerations;
import io.kontor.query.common.Views;
import io.kontor.query.ledger.posting.PostingRules;
import io.kontor.shared.Money;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class KpiProjectionTest {

    private static final LocalDate MARCH = LocalDate.of(2042, 3, 1);

    private final MongoDatabase database = TestMongo.freshDatabase();
    private final KpiRules rules = KpiRules.standard(PostingRules.standard());
    private final KpiGenerations live = new KpiGenerations(database, new ViewGenerations(database), rules);
    private final ProjectionHarness harness = new ProjectionHarness(new KpiProjection(live, rules, new Views(database)));

    private static JournalEntryPosted sale(String id, LocalDate date, String amount) {
        return new JournalEntryPosted(id, date, "sale", List.of(JournalLine.debit("1000", Money.dkk(amount)),
                JournalLine.credit("4000", Money.dkk(amount))));
    }

    private static StockIssued issue(LocalDate date, String total) {
        return new StockIssued("SKU", "i-" + date, date, "sold", 1, Money.dkk(total), Money.dkk(total), 0,
                Money.dkk("0.00"));
    }

    private static JournalEntryPosted stockBought(LocalDate date, String amount) {
        return new JournalEntryPosted("buy-" + date, date, "stock", List.of(JournalLine.debit("1200",
                Money.dkk(amount)), JournalLine.credit("1010", Money.dkk(amount))));
    }

    /** The event as the log delivers it, appended at {@code instant}. */
    private static EventMessage<?> at(String instant, Object payload) {
        return new GenericEventMessage<>(UUID.randomUUID().toString(), payload, MetaData.emptyInstance(),
                Instant.parse(instant));
    }

    private static InvoiceIssued invoice(String id, LocalDate date, String net, String vat, String gross) {
        return new InvoiceIssued(id, "Olsen ApS", date, date.plusDays(14), List.of(), Money.dkk(net), Money.dkk(vat),
                Money.dkk(gross));
    }

    private static PaymentReceived payment(String invoice, LocalDate date, PaymentMethod method, String amount) {
        return new PaymentReceived(invoice, "p-" + invoice + "-" + method, date, "Olsen ApS", method,
                Money.dkk(amount), Money.dkk("0.00"));
    }

    private static ReservationMade reservation(String id, String resource, String from, String to) {
        return new ReservationMade(resource, id, "Olsen ApS", Instant.parse(from), Instant.parse(to));
    }

    private Kpis.Report report(LocalDate from, LocalDate to, Kpis.Granularity by) {
        return Kpis.report(from, to, by, live.get().upTo(to), Kpis.STANDARD);
    }

    private static List<String> values(Kpis.Report report, String kpi) {
        return report.series().stream().filter(s -> s.kpi().equals(kpi)).findFirst().orElseThrow()
                .points().stream().map(Kpis.Point::value).toList();
    }

    @Test
    void netRevenueIsTheMovementOfAccount4000OnTheEntriesDatesNetOfReversals() {
        harness.batch(sale("s-1", MARCH, "1000.00"), sale("s-2", MARCH.plusDays(1), "250.50"));
        harness.batch(new JournalEntryReversed("s-2", "r-2", MARCH.plusDays(40), "wrong customer",
                List.of(JournalLine.debit("4000", Money.dkk("250.50")), JournalLine.credit("1000", Money.dkk("250.50")))));

        assertThat(values(report(MARCH, MARCH.plusDays(2), Kpis.Granularity.DAY), "netRevenue"))
                .containsExactly("1000.00", "250.50", "0.00");
        assertThat(values(report(MARCH, LocalDate.of(2042, 4, 30), Kpis.Granularity.MONTH), "netRevenue"))
                .containsExactly("1250.50", "-250.50");
    }

    @Test
    void headcountIsALevelFromStartDatesAndTheDayAfterTheLastDay() {
        harness.batch(new EmployeeHired("a", "A", "D", "R", Money.dkk("30000.00"), MARCH.minusDays(10)),
                new EmployeeHired("b", "B", "D", "R", Money.dkk("30000.00"), MARCH.plusDays(1)),
                new EmployeeTerminated("a", MARCH.plusDays(1)));

        assertThat(values(report(MARCH, MARCH.plusDays(2), Kpis.Granularity.DAY), "headcount"))
                .containsExactly("1", "2", "1");
    }

    @Test
    void payrollCostIsWhatTheLedgerPostsToSalaries() {
        harness.batch(new PayrollRunCompleted("2042-03", LocalDate.of(2042, 3, 31), List.of(),
                Money.dkk("61000.00")));

        assertThat(values(report(MARCH, LocalDate.of(2042, 4, 30), Kpis.Granularity.MONTH), "payrollCost"))
                .containsExactly("61000.00", "0.00");
    }

    @Test
    void stockTurnsAreCostOfGoodsSoldOverTheAverageStockValue() {
        harness.batch(stockBought(MARCH.minusDays(1), "400.00"), issue(MARCH.plusDays(1), "100.00"));

        Kpis.Report twoDays = report(MARCH, MARCH.plusDays(1), Kpis.Granularity.WEEK);

        // Stock 400 at the end of the first day, 300 at the end of the second: average 350, cost of sales 100.
        assertThat(values(twoDays, "stockValue")).containsExactly("300.00");
        assertThat(values(twoDays, "costOfGoodsSold")).containsExactly("100.00");
        assertThat(values(twoDays, "stockTurns")).containsExactly("0.29");
        assertThat(values(report(MARCH.minusDays(5), MARCH.minusDays(5), Kpis.Granularity.DAY), "stockTurns"))
                .as("no stock, no turns").containsExactly((String) null);
    }

    @Test
    void ticketsAreCountedOnTheBusinessDayTheyOpenedAndWereResolved() {
        // 23:30 UTC on 2 March is 00:30 on 3 March in Copenhagen.
        Instant late = Instant.parse("2042-03-02T23:30:00Z");
        harness.batch(new TicketOpened("t-1", "u", TicketCategory.OTHER, TicketPriority.P3, "t", "d",
                        Instant.parse("2042-03-02T10:00:00Z")),
                new TicketOpened("t-2", "u", TicketCategory.OTHER, TicketPriority.P3, "t", "d", late),
                new TicketResolved("t-1", "done", "it", late));

        Kpis.Report days = report(MARCH.plusDays(1), MARCH.plusDays(2), Kpis.Granularity.DAY);
        assertThat(values(days, "ticketsOpened")).containsExactly("1", "1");
        assertThat(values(days, "ticketsResolved")).containsExactly("0", "1");
    }

    @Test
    void invoicesAndPaymentsAreCountedOnTheirDatesAndReceivablesAreWhatIsOpen() {
        harness.batch(invoice("i-1", MARCH, "1000.00", "250.00", "1250.00"),
                invoice("i-2", MARCH.plusDays(1), "400.00", "100.00", "500.00"));
        harness.batch(payment("i-1", MARCH.plusDays(1), PaymentMethod.CARD, "1000.00"),
                payment("i-2", MARCH.plusDays(1), PaymentMethod.CASH, "200.00"));

        Kpis.Report days = report(MARCH, MARCH.plusDays(1), Kpis.Granularity.DAY);
        assertThat(values(days, "invoicesIssued")).containsExactly("1", "1");
        assertThat(values(days, "invoicedGross")).containsExactly("1250.00", "500.00");
        assertThat(values(days, "paymentsReceived")).containsExactly("0.00", "1200.00");
        assertThat(values(days, "paymentsCard")).containsExactly("0.00", "1000.00");
        assertThat(values(days, "paymentsCash")).containsExactly("0.00", "200.00");
        assertThat(values(days, "paymentsBank")).containsExactly("0.00", "0.00");
        assertThat(values(days, "netRevenue")).containsExactly("1000.00", "400.00");
        assertThat(values(days, "receivables")).containsExactly("1250.00", "550.00");
        // Two days: 550.00 open at the end over 1400.00 of revenue in two days.
        Kpis.Report month = report(MARCH, MARCH.plusDays(1), Kpis.Granularity.MONTH);
        assertThat(values(month, "daysSalesOutstanding")).containsExactly("0.8");
        assertThat(values(month, "invoicesIssued")).containsExactly("2");
    }

    @Test
    void visitorsAreCountedOnTheDayInDenmarkTheyCheckedIn() {
        harness.batch(at("2042-03-02T08:00:00Z", new VisitorCheckedIn("v-1", "Ida", null, "e-1", "Bo", "meeting")),
                // 23:30 UTC on 2 March is 00:30 on 3 March in Copenhagen.
                at("2042-03-02T23:30:00Z", new VisitorCheckedIn("v-2", "Jens", "Acme", "e-1", "Bo", "delivery")),
                at("2042-03-03T09:00:00Z", new VisitorCheckedIn("v-3", "Kim", null, "e-2", "Al", "interview")));

        assertThat(values(report(MARCH, MARCH.plusDays(2), Kpis.Granularity.DAY), "visitors"))
                .containsExactly("0", "1", "2");
    }

    @Test
    void occupancyIsReservedHoursOverTheHoursOfTheKindsResourcesFromTheirRegistration() {
        harness.batch(at("2042-03-01T08:00:00Z", new ResourceRegistered("r-1", "Room 1", ResourceKind.ROOM)),
                at("2042-03-01T08:00:00Z", new ResourceRegistered("m-1", "Fjord", ResourceKind.MEETING_ROOM)),
                // 6 hours on 2 March; 22:00 to 06:00 in Copenhagen: 2 hours on 2 March, 6 on 3 March.
                reservation("b-1", "r-1", "2042-03-02T09:00:00Z", "2042-03-02T15:00:00Z"));
        harness.batch(reservation("b-2", "r-1", "2042-03-02T21:00:00Z", "2042-03-03T05:00:00Z"),
                reservation("b-3", "r-1", "2042-03-02T16:00:00Z", "2042-03-02T20:00:00Z"),
                reservation("m-b", "m-1", "2042-03-02T07:00:00Z", "2042-03-02T19:00:00Z"),
                at("2042-03-03T10:00:00Z", new ResourceRegistered("r-2", "Room 2", ResourceKind.ROOM)));
        harness.batch(new ReservationCancelled("r-1", "b-3", Instant.parse("2042-03-02T16:00:00Z"),
                        Instant.parse("2042-03-02T20:00:00Z")),
                new ReservationCheckedOut("r-1", "b-1", Instant.parse("2042-03-02T09:00:00Z"),
                        Instant.parse("2042-03-02T15:00:00Z")),
                new ResourceRegistered("d-1", "Desk", ResourceKind.DESK));

        Kpis.Report days = report(MARCH.minusDays(1), MARCH.plusDays(2), Kpis.Granularity.DAY);
        // No room before 1 March; 8 of 24 hours on 2 March; 6 of 2 × 24 on 3 March, when Room 2 came.
        assertThat(values(days, "roomOccupancy")).containsExactly(null, "0.0000", "0.3333", "0.1250");
        assertThat(values(days, "meetingRoomOccupancy")).containsExactly(null, "0.0000", "0.5000", "0.0000");
        // (8 + 6) hours of 24 + 24 + 48.
        assertThat(values(report(MARCH, MARCH.plusDays(2), Kpis.Granularity.MONTH), "roomOccupancy"))
                .containsExactly("0.1458");
    }

    @Test
    void occupancyCountsTheHoursOfADaylightSavingDay() {
        // 30 March 2042 has 23 hours in Copenhagen: a room reserved all of it is fully occupied.
        harness.batch(at("2042-03-01T08:00:00Z", new ResourceRegistered("r-1", "Room 1", ResourceKind.ROOM)),
                reservation("all-day", "r-1", "2042-03-29T23:00:00Z", "2042-03-30T22:00:00Z"));

        assertThat(values(report(LocalDate.of(2042, 3, 30), LocalDate.of(2042, 3, 30), Kpis.Granularity.DAY),
                "roomOccupancy")).containsExactly("1.0000");
        // 23 of the 24 + 23 + 24 hours of 29 to 31 March.
        assertThat(values(report(LocalDate.of(2042, 3, 29), LocalDate.of(2042, 3, 31), Kpis.Granularity.MONTH),
                "roomOccupancy")).containsExactly("0.3239");
    }

    @Test
    void aRedeliveredFrontOfficeBatchCountsOnce() {
        long first = harness.batch(at("2042-03-01T08:00:00Z", new ResourceRegistered("r-1", "R", ResourceKind.ROOM)),
                reservation("b-1", "r-1", "2042-03-02T09:00:00Z", "2042-03-02T15:00:00Z"),
                at("2042-03-02T09:00:00Z", new VisitorCheckedIn("v-1", "Ida", null, "e-1", "Bo", "meeting")),
                invoice("i-1", MARCH.plusDays(1), "100.00", "25.00", "125.00"),
                payment("i-1", MARCH.plusDays(1), PaymentMethod.BANK, "125.00"));
        harness.batch(at("2042-03-02T10:00:00Z", new VisitorCheckedIn("v-2", "Jens", null, "e-1", "Bo", "meeting")));
        Kpis.Report once = report(MARCH, MARCH.plusDays(1), Kpis.Granularity.DAY);

        harness.redeliver(first, 5);

        assertThat(report(MARCH, MARCH.plusDays(1), Kpis.Granularity.DAY)).isEqualTo(once);
        assertThat(values(once, "visitors")).containsExactly("0", "2");
        assertThat(values(once, "roomOccupancy")).containsExactly("0.0000", "0.2500");
        assertThat(values(once, "invoicedGross")).containsExactly("0.00", "125.00");
        assertThat(values(once, "paymentsBank")).containsExactly("0.00", "125.00");
    }

    @Test
    void weeksAreIsoWeeksCutToTheRange() {
        Kpis.Report weeks = report(LocalDate.of(2042, 3, 5), LocalDate.of(2042, 3, 17), Kpis.Granularity.WEEK);

        assertThat(weeks.series().get(0).points()).extracting(Kpis.Point::period, Kpis.Point::start, Kpis.Point::end)
                .containsExactly(
                        tuple("2042-W10", "2042-03-05", "2042-03-09"),
                        tuple("2042-W11", "2042-03-10", "2042-03-16"),
                        tuple("2042-W12", "2042-03-17", "2042-03-17"));
    }

    @Test
    void aRedeliveredBatchCountsOnce() {
        long first = harness.batch(sale("s-1", MARCH, "100.00"), sale("s-2", MARCH, "50.00"));
        harness.batch(sale("s-3", MARCH, "1.00"));

        harness.redeliver(first, 2);

        assertThat(values(report(MARCH, MARCH, Kpis.Granularity.DAY), "netRevenue")).containsExactly("151.00");
    }

    @Test
    void aRebuildFromTheLogEqualsTheLiveView() {
        List<Object> log = List.of(sale("s-1", MARCH, "100.00"),
                new EmployeeHired("a", "A", "D", "R", Money.dkk("30000.00"), MARCH),
                issue(MARCH.plusDays(3), "5.00"), stockBought(MARCH, "50.00"), sale("s-2", MARCH.plusDays(3), "7.00"),
                at("2042-03-01T08:00:00Z", new ResourceRegistered("r-1", "R", ResourceKind.ROOM)),
                at("2042-03-02T09:00:00Z", new VisitorCheckedIn("v-1", "Ida", null, "e-1", "Bo", "meeting")),
                reservation("b-1", "r-1", "2042-03-02T09:00:00Z", "2042-03-02T15:00:00Z"));
        harness.batch(log.subList(0, 2).toArray());
        harness.batch(log.subList(2, 6).toArray());
        harness.batch(log.subList(6, 8).toArray());
        Kpis.Report before = report(MARCH, MARCH.plusDays(6), Kpis.Granularity.DAY);

        RebuildableView.Generation next = live.nextGeneration();
        RebuildableView.Batch batch = next.batch();
        for (int i = 0; i < log.size(); i++) {
            batch.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(i + 1),
                    GenericEventMessage.asEventMessage(log.get(i))));
        }
        batch.flush();
        next.goLive().run();

        assertThat(live.get().generation()).isEqualTo(1);
        assertThat(report(MARCH, MARCH.plusDays(6), Kpis.Granularity.DAY)).isEqualTo(before);
        assertThat(database.getCollection(KpiStore.DAYS).countDocuments()).as("the old generation is dropped").isZero();
        assertThat(database.getCollection(KpiStore.FACTS).countDocuments()).as("with its facts").isZero();
    }
}
