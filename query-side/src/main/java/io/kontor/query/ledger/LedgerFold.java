package io.kontor.query.ledger;

import io.kontor.events.ledger.JournalLine;
import io.kontor.events.ledger.Side;
import io.kontor.query.ledger.posting.Posting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
    /** Per day, per account: a day's hash is unique among nearby days, and an account's string caches its own. */
    private final Map<LocalDate, Map<String, Keys>> keys = new HashMap<>();

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
                Collections.addAll(keys, keysFor(line.account(), date).buckets);
            }
        }
        return keys;
    }

    /**
     * The keys of an account-day's buckets (all time, year, month, day: {@link #DAY} is the day's), and the prefix of
     * its lines' ids. Built once per account-day a batch posts to, not four strings with dates in them per line.
     */
    private record Keys(String[] buckets, String linePrefix) {
    }

    private static final int DAY = 3;

    private Keys keysFor(String account, LocalDate date) {
        return keys.computeIfAbsent(date, d -> new HashMap<>()).computeIfAbsent(account, a -> new Keys(
                new String[]{Bucket.all(a), Bucket.year(a, date.getYear()), Bucket.month(a, YearMonth.from(date)),
                        Bucket.day(a, date)}, LedgerLine.idPrefix(a, date)));
    }

    /**
     * A bucket while the batch folds into it: one mutable total per bucket, turned into a {@link Bucket} once at the
     * end, instead of a new bucket (and a copy of its lines) per line.
     */
    private static final class Folding {
        final String id;
        final String account;
        final Bucket before;
        BigDecimal debit;
        BigDecimal credit;
        int lines;
        long stamp;
        LocalDate firstDate;
        final List<LedgerLine> embedded = new ArrayList<>();
        boolean changed;

        Folding(String id, String account, Bucket before) {
            Bucket from = before == null ? Bucket.empty(id, account) : before;
            this.id = from.id();
            this.account = from.account();
            this.before = before;
            debit = from.debit();
            credit = from.credit();
            lines = from.lines();
            stamp = from.stamp();
            firstDate = from.firstDate();
        }

        /** The line's amount on its side; the other side gains zero ({@link #plusZero}). */
        void plus(JournalLine line, long lineStamp, LocalDate date) {
            BigDecimal amount = line.amount().amount();
            if (line.side() == Side.DEBIT) {
                debit = debit.add(amount);
                credit = plusZero(credit);
            } else {
                debit = plusZero(debit);
                credit = credit.add(amount);
            }
            lines++;
            stamp = lineStamp;
            firstDate = firstDate == null || date.isBefore(firstDate) ? date : firstDate;
        }

        /** {@code total + 0}, which is {@code total} itself unless its scale is negative (then the sum's is 0). */
        private static BigDecimal plusZero(BigDecimal total) {
            return total.scale() >= 0 ? total : total.add(BigDecimal.ZERO);
        }

        Bucket bucket() {
            return new Bucket(id, account, debit, credit, lines, stamp, firstDate, embedded);
        }
    }

    Result fold(Map<String, Bucket> current) {
        Map<String, Folding> state = new HashMap<>();
        List<Folding> changed = new ArrayList<>();
        List<LedgerLine> lines = new ArrayList<>();
        for (Entry entry : entries) {
            Posting posting = entry.posting();
            LocalDate date = posting.date();
            for (int i = 0; i < posting.lines().size(); i++) {
                JournalLine line = posting.lines().get(i);
                long lineStamp = stamp(entry.position(), i);
                Keys keys = keysFor(line.account(), date);
                for (int k = 0; k < keys.buckets().length; k++) {
                    Folding bucket = state.computeIfAbsent(keys.buckets()[k],
                            key -> new Folding(key, line.account(), current.get(key)));
                    if (bucket.stamp >= lineStamp) {
                        continue;
                    }
                    if (k == DAY) {
                        int index = bucket.lines;
                        LedgerLine ledgerLine = new LedgerLine(keys.linePrefix() + index, line.account(), date, index,
                                line.side(), line.amount().amount(), line.amount().currency().getCurrencyCode(),
                                entry.position(), entry.eventType(), posting.reference(), posting.description());
                        if (index < Bucket.EMBEDDED_LINES) {
                            bucket.embedded.add(ledgerLine);
                        } else {
                            lines.add(ledgerLine);
                        }
                    }
                    bucket.plus(line, lineStamp, date);
                    if (!bucket.changed) {
                        bucket.changed = true;
                        changed.add(bucket);
                    }
                }
            }
        }
        List<Bucket> created = new ArrayList<>();
        List<Update> updated = new ArrayList<>();
        for (Folding bucket : changed) {
            if (bucket.before != null) {
                updated.add(new Update(bucket.bucket(), bucket.before.stamp()));
            } else {
                created.add(bucket.bucket());
            }
        }
        return new Result(created, updated, lines);
    }
}
