package io.kontor.query.ledger;

import io.kontor.query.ledger.posting.Posting;
import io.kontor.shared.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.kontor.events.ledger.JournalLine.credit;
import static io.kontor.events.ledger.JournalLine.debit;
import static org.assertj.core.api.Assertions.assertThat;

class LedgerFoldTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    private static Posting rent(LocalDate date, String amount) {
        return new Posting(date, "je", "rent", List.of(debit("6000", Money.dkk(amount)), credit("1010", Money.dkk(amount))));
    }

    private static Map<String, Bucket> apply(Map<String, Bucket> state, LedgerFold fold) {
        Map<String, Bucket> next = new HashMap<>(state);
        fold.fold(state).buckets().forEach(b -> next.put(b.id(), b));
        return next;
    }

    /** Every line the batch records: embedded in day buckets, or overflowing them. */
    private static List<LedgerLine> lines(LedgerFold.Result result) {
        List<LedgerLine> all = new java.util.ArrayList<>();
        result.buckets().forEach(b -> all.addAll(b.embedded()));
        all.addAll(result.lines());
        return all;
    }

    @Test
    void eachLineUpdatesItsAccountsAllYearMonthAndDayBuckets() {
        LedgerFold fold = new LedgerFold();
        fold.add(7, "JournalEntryPosted", rent(DAY, "100.00"));
        LedgerFold.Result result = fold.fold(Map.of());

        assertThat(result.buckets()).extracting(Bucket::id).containsExactlyInAnyOrder(
                "6000|A", "6000|Y2026", "6000|M2026-11", "6000|D2026-11-27",
                "1010|A", "1010|Y2026", "1010|M2026-11", "1010|D2026-11-27");
        assertThat(result.buckets()).filteredOn(b -> b.account().equals("6000"))
                .allSatisfy(b -> assertThat(b.debit()).isEqualByComparingTo("100.00"));
        assertThat(lines(result)).extracting(LedgerLine::id, LedgerLine::position)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("6000|2026-11-27|0", 7L),
                        org.assertj.core.groups.Tuple.tuple("1010|2026-11-27|0", 7L));
    }

    @Test
    void linesOfOneDayAreNumberedInLogOrder() {
        LedgerFold first = new LedgerFold();
        first.add(1, "JournalEntryPosted", rent(DAY, "1.00"));
        Map<String, Bucket> state = apply(Map.of(), first);

        LedgerFold second = new LedgerFold();
        second.add(2, "JournalEntryPosted", rent(DAY, "2.00"));
        second.add(3, "JournalEntryPosted", rent(DAY, "3.00"));
        LedgerFold.Result result = second.fold(state);

        assertThat(result.buckets()).filteredOn(b -> b.id().equals("6000|D2026-11-27")).singleElement()
                .satisfies(b -> assertThat(b.embedded()).as("the lines this batch appends")
                        .extracting(LedgerLine::indexInDay, LedgerLine::position)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 2L), org.assertj.core.groups.Tuple.tuple(2, 3L)));
        assertThat(result.updated()).filteredOn(u -> u.bucket().id().equals("6000|D2026-11-27")).singleElement()
                .satisfies(u -> assertThat(u.previousStamp()).isEqualTo(LedgerFold.stamp(1, 0)));
        assertThat(result.buckets()).filteredOn(b -> b.id().equals("6000|D2026-11-27")).singleElement()
                .satisfies(b -> {
                    assertThat(b.lines()).isEqualTo(3);
                    assertThat(b.debit()).isEqualByComparingTo("6.00");
                });
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        LedgerFold batch = new LedgerFold();
        batch.add(5, "JournalEntryPosted", rent(DAY, "10.00"));
        Map<String, Bucket> state = apply(Map.of(), batch);

        LedgerFold again = new LedgerFold();
        again.add(5, "JournalEntryPosted", rent(DAY, "10.00"));
        LedgerFold.Result result = again.fold(state);

        assertThat(result.buckets()).isEmpty();
        assertThat(result.lines()).isEmpty();
    }

    @Test
    void aBatchRedeliveredAfterAPartialWriteCompletesOnlyWhatIsMissing() {
        LedgerFold batch = new LedgerFold();
        batch.add(5, "JournalEntryPosted", rent(DAY, "10.00"));
        LedgerFold.Result written = batch.fold(Map.of());
        Map<String, Bucket> partial = new HashMap<>();
        written.buckets().stream().filter(b -> b.account().equals("6000")).forEach(b -> partial.put(b.id(), b));

        LedgerFold again = new LedgerFold();
        again.add(5, "JournalEntryPosted", rent(DAY, "10.00"));
        LedgerFold.Result result = again.fold(partial);

        assertThat(result.buckets()).extracting(Bucket::account).containsOnly("1010");
        assertThat(lines(result)).extracting(LedgerLine::id).containsExactly("1010|2026-11-27|0");
    }

    @Test
    void twoLinesOfOneEventOnTheSameAccountBothCount() {
        LedgerFold fold = new LedgerFold();
        fold.add(9, "JournalEntryPosted", new Posting(DAY, "je", "split", List.of(
                debit("6000", Money.dkk("1.00")), debit("6000", Money.dkk("2.00")), credit("1010", Money.dkk("3.00")))));
        LedgerFold.Result result = fold.fold(Map.of());

        assertThat(result.buckets()).filteredOn(b -> b.id().equals("6000|A")).singleElement()
                .satisfies(b -> assertThat(b.debit()).isEqualByComparingTo(new BigDecimal("3.00")));
        assertThat(lines(result)).filteredOn(l -> l.account().equals("6000")).hasSize(2);
    }

    @Test
    void linesBeyondWhatADayBucketEmbedsBecomeDocumentsOfTheirOwn() {
        LedgerFold fold = new LedgerFold();
        for (int i = 1; i <= Bucket.EMBEDDED_LINES + 3; i++) {
            fold.add(i, "JournalEntryPosted", rent(DAY, "1.00"));
        }
        LedgerFold.Result result = fold.fold(Map.of());

        assertThat(result.buckets()).filteredOn(b -> b.id().equals("6000|D2026-11-27")).singleElement()
                .satisfies(b -> {
                    assertThat(b.lines()).isEqualTo(Bucket.EMBEDDED_LINES + 3);
                    assertThat(b.embedded()).hasSize(Bucket.EMBEDDED_LINES);
                });
        assertThat(result.lines()).filteredOn(l -> l.account().equals("6000"))
                .extracting(LedgerLine::indexInDay)
                .containsExactly(Bucket.EMBEDDED_LINES, Bucket.EMBEDDED_LINES + 1, Bucket.EMBEDDED_LINES + 2);
    }

    @Test
    void aBackdatedLineKeepsTheAccountsFirstDate() {
        LedgerFold first = new LedgerFold();
        first.add(1, "JournalEntryPosted", rent(DAY, "1.00"));
        Map<String, Bucket> state = apply(Map.of(), first);
        LedgerFold second = new LedgerFold();
        second.add(2, "JournalEntryPosted", rent(DAY.minusYears(2), "1.00"));

        assertThat(second.fold(state).buckets()).filteredOn(b -> b.id().equals("6000|A")).singleElement()
                .satisfies(b -> assertThat(b.firstDate()).isEqualTo(DAY.minusYears(2)));
    }
}
