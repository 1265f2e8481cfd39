package io.kontor.query.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Running debit and credit totals of one account over one calendar span: all time, a year, a month or a day.
 * Balances as of any date are sums of a few such buckets found by key (never by range scans), so reports cost the
 * same at ten thousand and at ten million lines.
 *
 * <p>{@code stamp} is the last line applied to this bucket ({@link LedgerFold#stamp(long, int)}): a line at or
 * below it was already applied, which makes redelivered events no-ops. {@code lines} counts lines in the bucket;
 * for a day bucket it is also the next line's index in that day.
 *
 * <p>A day bucket also carries the day's first {@link #EMBEDDED_LINES} lines themselves, so the write that updates
 * a day's totals also records its lines: a batch writes one document per account-day it touches, not one per
 * line. The rare lines beyond those are documents of their own ({@link LedgerLine#id}). As read for a report,
 * {@code embedded} holds the day's lines; in a fold's result, the lines this batch adds.
 */
record Bucket(String id, String account, BigDecimal debit, BigDecimal credit, int lines, long stamp,
              LocalDate firstDate, List<LedgerLine> embedded) {

    /**
     * How many of a day's lines its bucket embeds. Every batch that posts to the day updates the bucket, and the
     * embedded server copies the whole document to update it: at 200 lines (~50 KB) that copy was the ledger view's
     * largest cost under load. Readers take the embedded lines as they find them and the rest from their own
     * documents, and the fold embeds a line only while the day has fewer lines than this, so a bucket written when
     * the limit was 200 stays valid: its next lines become documents of their own.
     */
    static final int EMBEDDED_LINES = 50;

    Bucket {
        embedded = List.copyOf(embedded);
    }

    static Bucket empty(String id, String account) {
        return new Bucket(id, account, BigDecimal.ZERO, BigDecimal.ZERO, 0, -1, null, List.of());
    }

    Bucket withoutEmbedded() {
        return embedded.isEmpty() ? this : new Bucket(id, account, debit, credit, lines, stamp, firstDate, List.of());
    }

    /** {@code later}, a later state of this bucket, with this bucket's lines before the ones {@code later} adds. */
    Bucket followedBy(Bucket later) {
        List<LedgerLine> all = new ArrayList<>(embedded.size() + later.embedded().size());
        all.addAll(embedded);
        all.addAll(later.embedded());
        return new Bucket(later.id(), later.account(), later.debit(), later.credit(), later.lines(), later.stamp(),
                later.firstDate(), all);
    }

    static String all(String account) {
        return account + "|A";
    }

    static String year(String account, int year) {
        return account + "|Y" + year;
    }

    static String month(String account, YearMonth month) {
        return account + "|M" + month;
    }

    static String day(String account, LocalDate day) {
        return account + "|D" + day;
    }

    /** The day of a day bucket's key. */
    static LocalDate dayOf(String dayKey) {
        int at = dayKey.lastIndexOf("|D");
        if (at < 0) {
            throw new IllegalArgumentException("not a day bucket: " + dayKey);
        }
        return LocalDate.parse(dayKey.substring(at + 2));
    }
}
