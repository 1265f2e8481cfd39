package io.kontor.query.reporting;

import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.testing.TestMongo;
import io.kontor.events.hr.EmployeeHired;
import io.kontor.events.hr.EmployeeTerminated;
import io.kontor.events.hr.PayrollRunCompleted;
import io.kontor.events.inventory.StockIssued;
import io.kontor.events.ledger.JournalEntryPosted;
import io.kontor.events.ledger.JournalEntryReversed;
import io.kontor.events.ledger.JournalLine;
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
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
                issue(MARCH.plusDays(3), "5.00"), stockBought(MARCH, "50.00"), sale("s-2", MARCH.plusDays(3), "7.00"));
        harness.batch(log.subList(0, 2).toArray());
        harness.batch(log.subList(2, 5).toArray());
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
    }
}
