package io.kontor.query.ledger;

import com.mongodb.client.model.Filters;
import io.kontor.events.ledger.JournalEntryPosted;
import io.kontor.events.ledger.JournalEntryReversed;
import io.kontor.events.ledger.JournalLine;
import io.kontor.shared.KontorException;
import io.kontor.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.kontor.events.ledger.JournalLine.credit;
import static io.kontor.events.ledger.JournalLine.debit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerReportsTest {

    private static final LocalDate NOV_27 = LocalDate.of(2026, 11, 27);
    private final LedgerHarness ledger = new LedgerHarness().withChart();

    private static JournalEntryPosted entry(String id, LocalDate date, String debitAccount, String creditAccount,
                                           String amount) {
        return new JournalEntryPosted(id, date, "entry " + id, List.of(
                debit(debitAccount, Money.dkk(amount)), credit(creditAccount, Money.dkk(amount))));
    }

    @Test
    void theTrialBalanceShowsEachAccountsNetBalanceOnItsSideAndBalances() {
        ledger.batch(List.of(entry("je-1", NOV_27, "1010", "3000", "10000.00"),
                entry("je-2", NOV_27, "6000", "1010", "2500.50")));

        LedgerReports.TrialBalance tb = ledger.reports.trialBalance(null);

        assertThat(tb.rows()).extracting(LedgerReports.TrialBalanceRow::account,
                        LedgerReports.TrialBalanceRow::debit, LedgerReports.TrialBalanceRow::credit)
                .contains(org.assertj.core.groups.Tuple.tuple("1010", "7499.50", "0.00"),
                        org.assertj.core.groups.Tuple.tuple("3000", "0.00", "10000.00"),
                        org.assertj.core.groups.Tuple.tuple("6000", "2500.50", "0.00"),
                        org.assertj.core.groups.Tuple.tuple("1000", "0.00", "0.00"));
        assertThat(tb.totals().debit()).isEqualTo("10000.00").isEqualTo(tb.totals().credit());
    }

    @Test
    void asOfADateCountsOnlyPostingsEffectiveByThen() {
        ledger.batch(List.of(entry("je-1", LocalDate.of(2025, 3, 1), "1010", "3000", "100.00"),
                entry("je-2", LocalDate.of(2026, 2, 10), "1010", "3000", "20.00"),
                entry("je-3", NOV_27, "1010", "3000", "3.00"),
                entry("je-4", NOV_27.plusDays(1), "1010", "3000", "0.40")));

        assertThat(ledger.reports.balance("1010", LocalDate.of(2025, 2, 28)).balance()).isEqualTo("0.00");
        assertThat(ledger.reports.balance("1010", LocalDate.of(2025, 12, 31)).balance()).isEqualTo("100.00");
        assertThat(ledger.reports.balance("1010", LocalDate.of(2026, 2, 10)).balance()).isEqualTo("120.00");
        assertThat(ledger.reports.balance("1010", NOV_27).balance()).isEqualTo("123.00");
        assertThat(ledger.reports.balance("1010", null).balance()).isEqualTo("123.40");
        assertThat(ledger.reports.balance("3000", NOV_27).balance()).isEqualTo("123.00");
        assertThat(ledger.reports.trialBalance(NOV_27).totals().debit()).isEqualTo("123.00");
    }

    @Test
    void anAccountsLedgerRunsItsBalanceFromTheOpeningBalanceInDateOrder() {
        ledger.batch(List.of(entry("je-1", NOV_27, "1010", "3000", "100.00")));
        long second = ledger.batch(List.of(entry("je-2", NOV_27.minusDays(1), "6000", "1010", "30.00")));
        ledger.batch(List.of(entry("je-0", NOV_27.minusMonths(1), "1010", "3000", "5.00")));

        LedgerReports.AccountLedger bank = ledger.reports.ledger("1010", NOV_27.minusDays(1), NOV_27);

        assertThat(bank.openingBalance()).isEqualTo("5.00");
        assertThat(bank.lines()).extracting(LedgerReports.LedgerEntry::date, LedgerReports.LedgerEntry::amount,
                        LedgerReports.LedgerEntry::runningBalance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NOV_27.minusDays(1), "30.00", "-25.00"),
                        org.assertj.core.groups.Tuple.tuple(NOV_27, "100.00", "75.00"));
        assertThat(bank.lines().get(0).position()).isEqualTo(second);
        assertThat(bank.lines().get(0).eventType()).isEqualTo("JournalEntryPosted");
        assertThat(bank.closingBalance()).isEqualTo("75.00");
    }

    @Test
    void aReversalCancelsItsEntryInEveryReport() {
        JournalEntryPosted sale = entry("je-1", NOV_27, "1000", "4000", "800.00");
        ledger.batch(List.of(sale));
        ledger.batch(List.of(new JournalEntryReversed("je-1", "je-2", NOV_27.plusDays(2), "wrong customer",
                sale.lines().stream().map(JournalLine::mirrored).toList())));

        assertThat(ledger.reports.balance("4000", NOV_27).balance()).isEqualTo("800.00");
        assertThat(ledger.reports.balance("4000", null).balance()).isEqualTo("0.00");
        assertThat(ledger.reports.ledger("4000", NOV_27, NOV_27.plusDays(2)).lines()).hasSize(2);
        assertThat(ledger.reports.incomeStatement(NOV_27, NOV_27.plusDays(2)).netIncome()).isEqualTo("0.00");
    }

    @Test
    void theIncomeStatementCoversItsRangeAndFlowsIntoEquityOnTheBalanceSheet() {
        ledger.batch(List.of(entry("je-1", NOV_27.minusMonths(1), "1010", "3000", "1000.00"),
                entry("je-2", NOV_27.minusMonths(1), "1000", "4000", "111.00"),
                entry("je-3", NOV_27, "1000", "4000", "400.00"),
                entry("je-4", NOV_27, "6000", "1010", "150.00")));

        LedgerReports.IncomeStatement november = ledger.reports.incomeStatement(NOV_27.withDayOfMonth(1), NOV_27);
        assertThat(november.totalRevenue()).isEqualTo("400.00");
        assertThat(november.totalExpenses()).isEqualTo("150.00");
        assertThat(november.netIncome()).isEqualTo("250.00");

        LedgerReports.BalanceSheet sheet = ledger.reports.balanceSheet(NOV_27);
        assertThat(sheet.totalAssets()).isEqualTo("1361.00");
        assertThat(sheet.currentEarnings()).isEqualTo("361.00");
        assertThat(sheet.totalLiabilitiesAndEquity()).isEqualTo(sheet.totalAssets());
    }

    @Test
    void aBusyDaysLedgerIncludesTheLinesItsDayBucketCannotEmbed() {
        List<JournalEntryPosted> busy = new java.util.ArrayList<>();
        for (int i = 0; i < Bucket.EMBEDDED_LINES + 5; i++) {
            busy.add(entry("je-" + i, NOV_27, "1010", "3000", "1.00"));
        }
        // The first batch leaves the day bucket short of its limit; the second crosses it.
        int firstBatch = Bucket.EMBEDDED_LINES * 3 / 4;
        ledger.batch(busy.subList(0, firstBatch));
        ledger.batch(busy.subList(firstBatch, busy.size()));

        LedgerReports.AccountLedger bank = ledger.reports.ledger("1010", NOV_27, NOV_27);

        assertThat(bank.lines()).hasSize(Bucket.EMBEDDED_LINES + 5);
        assertThat(bank.lines()).extracting(LedgerReports.LedgerEntry::position).isSorted();
        assertThat(bank.closingBalance()).isEqualTo((Bucket.EMBEDDED_LINES + 5) + ".00");
    }

    @Test
    void aDayBucketThatEmbedsMoreLinesThanNowIsReadAndPostedToAsItIs() {
        List<JournalEntryPosted> busy = new java.util.ArrayList<>();
        for (int i = 0; i < Bucket.EMBEDDED_LINES + 20; i++) {
            busy.add(entry("je-" + i, NOV_27, "1010", "3000", "1.00"));
        }
        ledger.batch(busy);
        // Rewrite the day's bucket as a larger limit wrote it: ten more lines embedded, their own documents gone.
        String day = Bucket.day("1010", NOV_27);
        Bucket bucket = ledger.store.buckets(List.of(day)).get(day);
        List<String> moved = java.util.stream.IntStream.range(Bucket.EMBEDDED_LINES, Bucket.EMBEDDED_LINES + 10)
                .mapToObj(i -> LedgerLine.id("1010", NOV_27, i)).toList();
        List<LedgerLine> embedded = new java.util.ArrayList<>(bucket.embedded());
        embedded.addAll(ledger.store.lines(moved));
        ledger.database.getCollection(LedgerStore.BUCKETS).deleteOne(Filters.eq("_id", day));
        ledger.database.getCollection(LedgerStore.LINES).deleteMany(Filters.in("_id", moved));
        ledger.store.writeBuckets(List.of(new Bucket(bucket.id(), bucket.account(), bucket.debit(), bucket.credit(),
                bucket.lines(), bucket.stamp(), bucket.firstDate(), embedded)), List.of());
        assertThat(ledger.store.buckets(List.of(day)).get(day).embedded()).hasSize(Bucket.EMBEDDED_LINES + 10);

        ledger.batch(List.of(entry("je-late-1", NOV_27, "1010", "3000", "2.00"),
                entry("je-late-2", NOV_27, "1010", "3000", "3.00")));

        LedgerReports.AccountLedger bank = ledger.reports.ledger("1010", NOV_27, NOV_27);
        assertThat(bank.lines()).hasSize(Bucket.EMBEDDED_LINES + 22);
        assertThat(bank.lines()).extracting(LedgerReports.LedgerEntry::position).isSorted();
        assertThat(bank.closingBalance()).isEqualTo((Bucket.EMBEDDED_LINES + 25) + ".00");
        assertThat(ledger.store.buckets(List.of(day)).get(day).embedded()).hasSize(Bucket.EMBEDDED_LINES + 10);
    }

    @Test
    void aRedeliveredBatchIsAppliedOnce() {
        List<JournalEntryPosted> batch = List.of(entry("je-1", NOV_27, "1010", "3000", "10.00"));
        long first = ledger.batch(batch);
        ledger.redeliver(first, batch);

        assertThat(ledger.reports.balance("1010", null).balance()).isEqualTo("10.00");
        assertThat(ledger.reports.ledger("1010", NOV_27, NOV_27).lines()).hasSize(1);
    }

    @Test
    void unknownAccountsAndBackwardRangesAreRefused() {
        assertThatThrownBy(() -> ledger.reports.balance("9999", null)).isInstanceOf(KontorException.class);
        assertThatThrownBy(() -> ledger.reports.incomeStatement(NOV_27, NOV_27.minusDays(1)))
                .isInstanceOf(KontorException.class).hasMessageContaining("ends");
    }
}
