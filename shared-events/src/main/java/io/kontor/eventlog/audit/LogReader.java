package io.kontor.eventlog.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.kontor.eventlog.LogSchema;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Read-only access to the stored events for auditors: by position, as a page after a position, and one aggregate's
 * history. Like the engine it only ever looks commits up by known keys ({@code _id} or {@code keys}), never by a
 * range, so every call costs the same however long the log is (a range query is a full scan on the embedded server).
 */
public final class LogReader {

    private static final int WINDOW = 256;

    private final MongoCollection<BsonDocument> commits;

    public LogReader(MongoDatabase database) {
        this.commits = database.getCollection(LogSchema.COMMITS, BsonDocument.class);
    }

    /** The event at {@code position}, if the log has reached it. */
    public Optional<LoggedEvent> at(long position) {
        if (position < 1) {
            return Optional.empty();
        }
        BsonDocument commit = containing(position);
        if (commit == null) {
            return Optional.empty();
        }
        int index = (int) (position - LogSchema.start(commit));
        return Optional.of(new LoggedEvent(position, commit.getArray(LogSchema.F_EVENTS).get(index).asDocument()));
    }

    /**
     * Up to {@code limit} events after {@code after}, in position order, stopping at the first commit not visible
     * yet, so a page never skips an event.
     */
    public List<LoggedEvent> after(long after, int limit) {
        List<LoggedEvent> page = new ArrayList<>(Math.min(limit, 1024));
        if (limit <= 0) {
            return page;
        }
        long from = Math.max(after, 0) + 1;
        BsonDocument first = containing(from);
        if (first == null) {
            return page;
        }
        long next = add(first, from, limit, page);
        while (page.size() < limit) {
            List<BsonDocument> chain = LogSchema.readChain(commits, next, Math.min(WINDOW, limit - page.size()));
            if (chain.isEmpty()) {
                break;
            }
            for (BsonDocument commit : chain) {
                next = add(commit, next, limit, page);
                if (page.size() >= limit) {
                    break;
                }
            }
        }
        return page;
    }

    /** Every event of one aggregate, in sequence order; empty when the aggregate has none. */
    public List<LoggedEvent> aggregate(String aggregateId) {
        TreeMap<Long, LoggedEvent> bySequence = new TreeMap<>();
        long first = 0;
        while (true) {
            List<String> keys = new ArrayList<>(WINDOW);
            for (long sequence = first; sequence < first + WINDOW; sequence++) {
                keys.add(LogSchema.aggregateKey(aggregateId, sequence));
            }
            Set<Long> seen = new HashSet<>();
            int before = bySequence.size();
            for (BsonDocument commit : commits.find(Filters.in(LogSchema.F_KEYS, keys))) {
                if (!seen.add(LogSchema.start(commit))) {
                    continue;
                }
                BsonArray events = commit.getArray(LogSchema.F_EVENTS);
                for (int i = 0; i < events.size(); i++) {
                    LoggedEvent event = new LoggedEvent(LogSchema.start(commit) + i, events.get(i).asDocument());
                    Long sequence = event.sequence();
                    if (aggregateId.equals(event.aggregateId()) && sequence != null && sequence >= first) {
                        bySequence.put(sequence, event);
                    }
                }
            }
            if (bySequence.size() - before < WINDOW) {
                return List.copyOf(bySequence.values());
            }
            first += WINDOW;
        }
    }

    private static long add(BsonDocument commit, long from, int limit, List<LoggedEvent> page) {
        BsonArray events = commit.getArray(LogSchema.F_EVENTS);
        long start = LogSchema.start(commit);
        for (long position = Math.max(from, start); position < LogSchema.end(commit) && page.size() < limit; position++) {
            page.add(new LoggedEvent(position, events.get((int) (position - start)).asDocument()));
        }
        return LogSchema.end(commit);
    }

    /**
     * The commit holding {@code position}: the latest commit start at or before it, looked up by {@code _id} over a
     * window of candidate starts that grows backwards until one is found; {@code null} past the head.
     */
    private BsonDocument containing(long position) {
        long upper = position;
        int window = 16;
        while (upper >= 1) {
            long lower = Math.max(1, upper - window + 1);
            List<Long> candidates = new ArrayList<>();
            for (long start = lower; start <= upper; start++) {
                candidates.add(start);
            }
            BsonDocument latest = null;
            for (BsonDocument commit : commits.find(Filters.in(LogSchema.F_ID, candidates)).batchSize(candidates.size())) {
                if (latest == null || LogSchema.start(commit) > LogSchema.start(latest)) {
                    latest = commit;
                }
            }
            if (latest != null) {
                return LogSchema.end(latest) > position ? latest : null;
            }
            upper = lower - 1;
            window = Math.min(window * 4, 4096);
        }
        return null;
    }
}
