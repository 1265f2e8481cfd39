package io.kontor.query.ledger;

import io.kontor.events.ledger.JournalLine;
import io.kontor.events.ledger.Side;
import io.kontor.query.ledger.posting.Posting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds one batch of postings into the ledger's buckets and lines, as a pure function of the buckets' current
 * state. A batch reads the buckets it touches once, folds in memory, and writes once: the projection runs at the
 * speed of reading the log, and a redelivered event (at or below a bucket's stamp) changes nothing.
 */
final class LedgerFold {

    /** Lines per event the stamp can tell apart; entries are capped far below this. */
    static final int MAX_LINES_PER_EVENT = 1 << 16;

    private final List<Entry> entries = new ArrayList<>();

    /** A posting caused by the event at {@code position}. */
    record Entry(long position, String eventType, Posting posting) {
    }

    /**
     * What the batch changes: buckets to create (with their lines), buckets to update (new totals, lines to append,
     * and the stamp they had when read), and the lines that overflow their day bucket.
     */
    record Result(List<Bucket> created, List<Update> updated, List<LedgerLine> lines) {

        static final Result NOTHING = new Result(List.of(), List.of(), List.of());

        /** Every bucket the batch writes. */
        List<Bucket> buckets() {
            List<Bucket> all = new ArrayList<>(created);
            updated.forEach(update -> all.add(update.bucket()));
            return all;
        }
    }

    /** An existing bucket's new state; {@code bucket.embedded()} are the lines to append to it. */
    record Update(Bucket bucket, long previousStamp) {
    }

    static long stamp(long position, int lineIndex) {
        return position * MAX_LINES_PER_EVENT + lineIndex;
    }

    void add(long position, String eventType, Posting posting) {
        if (posting.lines().size() >= MAX_LINES_PER_EVENT) {
            throw new IllegalArgumentException("a posting of " + posting.lines().size() + " lines is too large");
        }
        entries.add(new Entry(position, eventType, posting));
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The keys of every bucket this batch touches. */
    Set<String> bucketKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (Entry entry : entries) {
            LocalDate date = entry.posting().date();
            for (JournalLine line : entry.posting().lines()) {
                keys.addAll(keysFor(line.account(), date));
            }
        }
        return keys;
    }

    private static List<String> keysFor(String account, LocalDate date) {
        return List.of(Bucket.all(account), Bucket.year(account, date.getYear()),
                Bucket.month(account, YearMonth.from(date)), Bucket.day(account, date));
    }

    Result fold(Map<String, Bucket> current) {
        Map<String, Bucket> state = new LinkedHashMap<>();
        Map<String, Bucket> changed = new LinkedHashMap<>();
        List<LedgerLine> lines = new ArrayList<>();
        for (Entry entry : entries) {
            Posting posting = entry.posting();
            LocalDate date = posting.date();
            for (int i = 0; i < posting.lines().size(); i++) {
                JournalLine line = posting.lines().get(i);
                long lineStamp = stamp(entry.position(), i);
                BigDecimal debit = line.side() == Side.DEBIT ? line.amount().amount() : BigDecimal.ZERO;
                BigDecimal credit = line.side() == Side.CREDIT ? line.amount().amount() : BigDecimal.ZERO;
                for (String key : keysFor(line.account(), date)) {
                    Bucket bucket = state.computeIfAbsent(key, k -> current.containsKey(k)
                            ? current.get(k).withoutEmbedded() : Bucket.empty(k, line.account()));
                    if (bucket.stamp() >= lineStamp) {
                        continue;
                    }
                    Bucket updated = bucket.plus(debit, credit, lineStamp, date);
                    if (key.equals(Bucket.day(line.account(), date))) {
                        LedgerLine ledgerLine = new LedgerLine(LedgerLine.id(line.account(), date, bucket.lines()),
                                line.account(), date, bucket.lines(), line.side(), line.amount().amount(),
                                line.amount().currency().getCurrencyCode(), entry.position(), entry.eventType(),
                                posting.reference(), posting.description());
                        if (bucket.embedsNextLine()) {
                            updated = updated.embedding(ledgerLine);
                        } else {
                            lines.add(ledgerLine);
                        }
                    }
                    state.put(key, updated);
                    changed.put(key, updated);
                }
            }
        }
        List<Bucket> created = new ArrayList<>();
        List<Update> updated = new ArrayList<>();
        changed.forEach((key, bucket) -> {
            if (current.containsKey(key)) {
                updated.add(new Update(bucket, current.get(key).stamp()));
            } else {
                created.add(bucket);
            }
        });
        return new Result(created, updated, lines);
    }
}
