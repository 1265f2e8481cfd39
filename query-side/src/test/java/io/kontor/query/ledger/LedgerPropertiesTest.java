package io.kontor.query.ledger;

import io.kontor.events.ledger.AccountOpened;
import io.kontor.events.ledger.JournalEntryPosted;
import io.kontor.events.ledger.JournalEntryReversed;
import io.kontor.events.ledger.JournalLine;
import io.kontor.events.ledger.Side;
import io.kontor.shared.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random valid streams of journal entries and reversals, applied in random batches with random redeliveries, keep
 * every trial balance balanced, every account's balance equal to the sum of its ledger lines, and every balance
 * equal to what a plain model of the same stream says (so a double-applied redelivery cannot hide).
 */
class LedgerPropertiesTest {

    private static final LocalDate START = LocalDate.of(2024, 12, 20);
    private static final List<String> CODES = LedgerHarness.CHART.stream().map(AccountOpened::code).toList();

    /** One step of the stream: post an entry (amounts in øre, accounts by index), or reverse an earlier one. */
    record Step(boolean reverse, int target, int dayOffset, List<Tuple.Tuple2<Integer, Long>> debits,
                int creditAccount, int batchBreak, boolean redeliver) {
    }

    @Provide
    Arbitrary<List<Step>> streams() {
        Arbitrary<Tuple.Tuple2<Integer, Long>> debit = Combinators.combine(
                Arbitraries.integers().between(0, CODES.size() - 1),
                Arbitraries.longs().between(1, 10_000_000)).as(Tuple::of);
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.integers().between(0, 9).map(n -> n < 2),
                Arbitraries.integers().between(0, 1_000),
                Arbitraries.integers().between(0, 800),
                debit.list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.integers().between(0, CODES.size() - 1),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 9).map(n -> n == 0)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 40)
    void trialBalancesBalanceAndBalancesEqualTheirLines(@ForAll("streams") List<Step> steps) {
        LedgerHarness ledger = new LedgerHarness().withChart();
        List<JournalEntryPosted> posted = new ArrayList<>();
        List<Boolean> reversed = new ArrayList<>();
        List<Object> batch = new ArrayList<>();
        Map<String, BigDecimal> model = new HashMap<>();
        LocalDate last = START;
        for (Step step : steps) {
            LocalDate date = START.plusDays(step.dayOffset());
            last = date.isAfter(last) ? date : last;
            if (step.reverse() && !posted.isEmpty()) {
                int target = step.target() % posted.size();
                if (!reversed.get(target)) {
                    JournalEntryPosted entry = posted.get(target);
                    LocalDate when = date.isBefore(entry.date()) ? entry.date() : date;
                    List<JournalLine> mirrored = entry.lines().stream().map(JournalLine::mirrored).toList();
                    batch.add(new JournalEntryReversed(entry.entryId(), entry.entryId() + "-r", when, "property",
                            mirrored));
                    mirrored.forEach(line -> model.merge(line.account(), signed(line), BigDecimal::add));
                    reversed.set(target, true);
                }
            } else {
                List<JournalLine> lines = new ArrayList<>();
                long total = 0;
                for (Tuple.Tuple2<Integer, Long> d : step.debits()) {
                    lines.add(JournalLine.debit(CODES.get(d.get1()), ore(d.get2())));
                    total += d.get2();
                }
                lines.add(JournalLine.credit(CODES.get(step.creditAccount()), ore(total)));
                JournalEntryPosted entry = new JournalEntryPosted("je-" + posted.size(), date, "property", lines);
                posted.add(entry);
                reversed.add(false);
                lines.forEach(line -> model.merge(line.account(), signed(line), BigDecimal::add));
                batch.add(entry);
            }
            if (step.batchBreak() == 0) {
                long first = ledger.batch(batch);
                if (step.redeliver()) {
                    ledger.redeliver(first, batch);
                }
                batch = new ArrayList<>();
            }
        }
        ledger.batch(batch);

        assertBalanced(ledger.reports.trialBalance(null));
        for (LocalDate asOf = START; !asOf.isAfter(last); asOf = asOf.plusDays(97)) {
            assertBalanced(ledger.reports.trialBalance(asOf));
        }
        for (String code : CODES) {
            LedgerReports.AccountLedger lines = ledger.reports.ledger(code, START, last);
            assertThat(lines.openingBalance()).isEqualTo("0.00");
            assertThat(lines.closingBalance()).isEqualTo(ledger.reports.balance(code, null).balance());
            BigDecimal sum = lines.lines().stream()
                    .map(l -> new BigDecimal(l.amount()).multiply(BigDecimal.valueOf(sign(l.side(), code))))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).isEqualByComparingTo(ledger.reports.balance(code, null).balance());
            BigDecimal expected = model.getOrDefault(code, BigDecimal.ZERO).multiply(BigDecimal.valueOf(sign("DEBIT", code)));
            assertThat(new BigDecimal(ledger.reports.balance(code, null).balance())).isEqualByComparingTo(expected);
        }
    }

    /** A line's effect on debit minus credit. */
    private static BigDecimal signed(JournalLine line) {
        return line.side() == Side.DEBIT ? line.amount().amount() : line.amount().amount().negate();
    }

    private static int sign(String side, String code) {
        boolean debitNormal = LedgerHarness.CHART.stream().filter(a -> a.code().equals(code)).findFirst()
                .orElseThrow().type().debitNormal();
        return side.equals("DEBIT") == debitNormal ? 1 : -1;
    }

    private static void assertBalanced(LedgerReports.TrialBalance tb) {
        assertThat(tb.totals().debit()).isEqualTo(tb.totals().credit());
    }

    private static Money ore(long ore) {
        return Money.dkk(BigDecimal.valueOf(ore, 2).toPlainString());
    }
}
