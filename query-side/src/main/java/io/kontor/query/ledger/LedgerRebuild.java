package io.kontor.query.ledger;

import io.kontor.query.common.RebuildableView;
import io.kontor.query.ledger.posting.PostingRules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The batches of one rebuild into a fresh generation of the ledger view. A rebuild folds many events into each
 * write, yet postings are back-dated by days, so a day's bucket is touched by two or three writes in a row, and
 * each write after the first was an update of a document with up to {@link Bucket#EMBEDDED_LINES} lines: the
 * embedded server copies it, applies the update and encodes it once more to check its size. Here a bucket that a
 * write touched is held in memory, folded further by the next writes, and written when a write leaves it alone:
 * most buckets are inserted once, whole, and the batches read no bucket they hold. Lines of their own and accounts
 * are written at once.
 *
 * <p>Nothing of a generation being rebuilt is read before it goes live, and {@link #complete()} (called at the end
 * of every catch-up, and before the swap) writes everything held. The documents written are the same as without
 * holding: the same inserts and updates, only fewer of them. At most {@link #MAX_HELD_LINES} embedded lines are
 * held; a write past that (postings spread over many days) writes everything held, as without holding.
 */
final class LedgerRebuild implements RebuildableView.Replay, LedgerTarget {

    static final int MAX_HELD_LINES = 100_000;

    private final LedgerStore store;
    private final PostingRules rules;
    private final int maxHeldLines;
    private final Map<String, Held> held = new LinkedHashMap<>();
    private int heldLines;
    private long writes;

    /**
     * A bucket not written yet: its totals and the lines it has that the store has not ({@code bucket.embedded()}),
     * whether the store has the bucket at all, and the last write that touched it.
     */
    private static final class Held {
        Bucket bucket;
        final boolean stored;
        long touched;

        Held(Bucket bucket, boolean stored) {
            this.bucket = bucket;
            this.stored = stored;
        }
    }

    LedgerRebuild(LedgerStore store, PostingRules rules) {
        this(store, rules, MAX_HELD_LINES);
    }

    LedgerRebuild(LedgerStore store, PostingRules rules, int maxHeldLines) {
        this.store = store;
        this.rules = rules;
        this.maxHeldLines = maxHeldLines;
    }

    @Override
    public RebuildableView.PayloadBatch batch() {
        return new LedgerBatch(this, rules);
    }

    @Override
    public Map<String, Bucket> totals(Collection<String> keys) {
        Map<String, Bucket> found = new HashMap<>();
        List<String> unheld = new ArrayList<>();
        for (String key : keys) {
            Held bucket = held.get(key);
            if (bucket != null) {
                found.put(key, bucket.bucket.withoutEmbedded());
            } else {
                unheld.add(key);
            }
        }
        if (!unheld.isEmpty()) {
            found.putAll(store.totals(unheld));
        }
        return found;
    }

    @Override
    public void write(Collection<LedgerStore.Account> openedAccounts, LedgerFold.Result result) {
        writes++;
        store.writeAccounts(openedAccounts);
        store.insertLines(result.lines());
        result.created().forEach(bucket -> hold(bucket, false));
        // An updated bucket is held (its totals came from here) or in the store (they came from there).
        result.updated().forEach(update -> hold(update.bucket(), true));
        List<Held> out = new ArrayList<>();
        if (heldLines > maxHeldLines) {
            out.addAll(held.values());
        } else {
            held.values().stream().filter(bucket -> bucket.touched < writes).forEach(out::add);
        }
        writeOut(out);
    }

    private void hold(Bucket bucket, boolean stored) {
        Held before = held.get(bucket.id());
        if (before == null) {
            before = new Held(bucket, stored);
            held.put(bucket.id(), before);
        } else {
            before.bucket = before.bucket.followedBy(bucket);
        }
        before.touched = writes;
        heldLines += bucket.embedded().size();
    }

    /** Writes every bucket held. */
    @Override
    public void complete() {
        writeOut(new ArrayList<>(held.values()));
    }

    private void writeOut(List<Held> buckets) {
        if (buckets.isEmpty()) {
            return;
        }
        List<Bucket> created = new ArrayList<>();
        List<Bucket> updated = new ArrayList<>();
        for (Held bucket : buckets) {
            (bucket.stored ? updated : created).add(bucket.bucket);
            held.remove(bucket.bucket.id());
            heldLines -= bucket.bucket.embedded().size();
        }
        store.writeBuckets(created, updated);
    }
}
