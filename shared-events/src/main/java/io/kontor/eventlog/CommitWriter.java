package io.kontor.eventlog;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.DistributionSummary;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit. Appending threads queue their commits; whichever finds no flush running becomes the leader, takes
 * everything queued and writes it as one ordered {@code insertMany}, while the others wait and form the next group.
 * <p>
 * Positions are claimed by the insert itself: a commit goes to {@code _id} = the position after the head this
 * process knows. If another process got there first the insert fails on {@code _id}, the writer follows the chain
 * forward to the real head and retries; if it fails on {@code keys}, that commit alone is refused and
 * the ones behind it are re-positioned and written. A commit document is inserted whole or not at all, so a refused
 * or crashed commit leaves nothing behind.
 */
final class CommitWriter {

    /** The last commit this process knows of; positions after it are where the next commit goes. */
    record Head(long start, long end, String hash) {
        static final Head EMPTY = new Head(0, 1, LogSchema.GENESIS_HASH);

        long lastPosition() {
            return end - 1;
        }
    }

    private static final Logger logger = LoggerFactory.getLogger(CommitWriter.class);
    private static final int MAX_GROUP = 256;
    private static final int LEADER_ROUNDS = 4;
    private static final int CHAIN_WINDOW = 256;
    private static final int MAX_POSITION_RACES = 1_000;
    private static final long HINT_EVERY_POSITIONS = 256;
    private static final long HINT_EVERY_NANOS = 100_000_000L;

    private final MongoCollection<BsonDocument> commits;
    private final MongoCollection<BsonDocument> meta;
    private final DistributionSummary groupSize;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<PendingCommit> queue = new ArrayDeque<>();
    private final AtomicReference<Head> head = new AtomicReference<>();
    private boolean flushing;
    private long hintWrittenAt = 0;
    private long hintWrittenNanos = System.nanoTime();

    CommitWriter(MongoCollection<BsonDocument> commits, MongoCollection<BsonDocument> meta,
                 DistributionSummary groupSize) {
        this.commits = commits;
        this.meta = meta;
        this.groupSize = groupSize;
    }

    /**
     * Writes the commit in the next group and returns when its outcome is known (see {@link PendingCommit}).
     * <p>
     * Only threads whose commit is done are woken (each by its own unpark), plus one thread to take over leadership
     * when the leader leaves with commits still queued; waking every waiter after every flush costs more context
     * switches than the flush itself on a busy machine. For the same reason the leader keeps flushing what queued up
     * meanwhile for a few rounds instead of handing over at once.
     */
    void commit(PendingCommit commit) {
        commit.owner = Thread.currentThread();
        lock.lock();
        try {
            queue.add(commit);
        } finally {
            lock.unlock();
        }
        while (!commit.done) {
            lock.lock();
            boolean lead = !flushing && !commit.done;
            if (lead) {
                flushing = true;
            }
            lock.unlock();
            if (lead) {
                lead(commit);
            } else if (!commit.done) {
                LockSupport.park(this);
            }
        }
    }

    private void lead(PendingCommit own) {
        int rounds = 0;
        try {
            while (true) {
                List<PendingCommit> group;
                lock.lock();
                try {
                    if (queue.isEmpty() || (own.done && rounds >= LEADER_ROUNDS)) {
                        flushing = false;
                        PendingCommit next = queue.peek();
                        if (next != null) {
                            LockSupport.unpark(next.owner);
                        }
                        return;
                    }
                    group = new ArrayList<>(Math.min(queue.size(), MAX_GROUP));
                    while (!queue.isEmpty() && group.size() < MAX_GROUP) {
                        group.add(queue.poll());
                    }
                } finally {
                    lock.unlock();
                }
                flushOrFail(group);
                for (PendingCommit done : group) {
                    if (done != own) {
                        LockSupport.unpark(done.owner);
                    }
                }
                rounds++;
            }
        } catch (RuntimeException | Error e) {
            lock.lock();
            try {
                flushing = false;
                PendingCommit next = queue.peek();
                if (next != null) {
                    LockSupport.unpark(next.owner);
                }
            } finally {
                lock.unlock();
            }
            throw e;
        }
    }

    private void flushOrFail(List<PendingCommit> group) {
        try {
            flush(group);
        } catch (RuntimeException | Error e) {
            for (PendingCommit pending : group) {
                if (!pending.done) {
                    pending.failed(new EventStoreException("The group commit failed", e));
                }
            }
        }
    }

    /** The last commit known to this process without asking the store; {@code null} before the first look. */
    Head knownHead() {
        return head.get();
    }

    /** Finds the real head: from the best known commit (or the stored hint), follows the chain by {@code _id}. */
    Head refreshHead() {
        Head known = head.get();
        BsonDocument anchor = null;
        if (known == null || known.start() == 0) {
            BsonDocument hint = meta.find(Filters.eq(LogSchema.F_ID, "head")).first();
            long from = hint == null ? 1 : hint.getInt64("last").getValue();
            List<BsonDocument> chain = LogSchema.readChain(commits, from, CHAIN_WINDOW);
            if (chain.isEmpty() && from != 1) {
                chain = LogSchema.readChain(commits, 1, CHAIN_WINDOW);
            }
            if (chain.isEmpty()) {
                return advance(Head.EMPTY);
            }
            anchor = chain.get(chain.size() - 1);
        }
        long from = anchor == null ? known.end() : LogSchema.end(anchor);
        while (true) {
            List<BsonDocument> chain = LogSchema.readChain(commits, from, CHAIN_WINDOW);
            if (chain.isEmpty()) {
                break;
            }
            anchor = chain.get(chain.size() - 1);
            from = LogSchema.end(anchor);
        }
        if (anchor == null) {
            return known;
        }
        return advance(new Head(LogSchema.start(anchor), LogSchema.end(anchor),
                                anchor.getString(LogSchema.F_HASH).getValue()));
    }

    /** Records a commit a reader saw, so the head meter and boundary checks also move in read-only processes. */
    void observe(BsonDocument commit) {
        advance(new Head(LogSchema.start(commit), LogSchema.end(commit), commit.getString(LogSchema.F_HASH).getValue()));
    }

    /** Moves the known head forward, never back: concurrent discoveries can only agree or be further along. */
    private Head advance(Head candidate) {
        return head.accumulateAndGet(candidate, (current, next) ->
                current == null || next.end() > current.end() ? next : current);
    }

    /** Writes one group; only the leader (or a test holding no other writer) calls it. */
    void flush(List<PendingCommit> group) {
        groupSize.record(group.size());
        List<PendingCommit> pending = group;
        int races = 0;
        while (!pending.isEmpty()) {
            Head base = head.get();
            if (base == null) {
                base = refreshHead();
            }
            List<BsonDocument> documents = documents(pending, base);
            try {
                commits.insertMany(documents, new InsertManyOptions().ordered(true));
                succeeded(pending, pending.size());
                pending = List.of();
            } catch (MongoBulkWriteException e) {
                BulkWriteError error = e.getWriteErrors().isEmpty() ? null : e.getWriteErrors().get(0);
                if (error == null) {
                    throw e;
                }
                int failedIndex = error.getIndex();
                succeeded(pending, failedIndex);
                PendingCommit failed = pending.get(failedIndex);
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    failed.failed(new EventStoreException("The commit could not be stored: " + error.getMessage(), e));
                    pending = pending.subList(failedIndex + 1, pending.size());
                } else if (positionTaken(failed)) {
                    if (++races > MAX_POSITION_RACES) {
                        throw new EventStoreException("Could not claim a position after " + races + " attempts", e);
                    }
                    refreshHead();
                    pending = pending.subList(failedIndex, pending.size());
                } else if (failed.done) {
                    pending = pending.subList(failedIndex + 1, pending.size());
                } else {
                    failed.conflicted(new DuplicateKeyException(error.getMessage(), e), conflictingEvent(failed));
                    pending = pending.subList(failedIndex + 1, pending.size());
                }
            } catch (MongoException e) {
                pending = resolveUnknownOutcome(pending, e);
            }
        }
        writeHint();
    }

    private List<BsonDocument> documents(List<PendingCommit> pending, Head base) {
        List<BsonDocument> documents = new ArrayList<>(pending.size());
        long position = base.end();
        String previousHash = base.hash();
        BsonDateTime now = new BsonDateTime(System.currentTimeMillis());
        for (PendingCommit commit : pending) {
            BsonDocument document = new BsonDocument()
                    .append(LogSchema.F_ID, new BsonInt64(position))
                    .append(LogSchema.F_COUNT, new BsonInt32(commit.size()))
                    .append(LogSchema.F_COMMITTED_AT, now)
                    .append(LogSchema.F_MAX_TIMESTAMP, commit.maxTimestamp);
            if (!commit.keys.isEmpty()) {
                // absent rather than empty: the sparse unique index must not see every keyless commit as one key
                document.append(LogSchema.F_KEYS, commit.keys);
            }
            document.append(LogSchema.F_PREVIOUS_HASH, new BsonString(previousHash));
            String hash = LogSchema.commitHash(document, commit.eventHashes);
            document.append(LogSchema.F_EVENTS, new BsonArray(commit.events))
                    .append(LogSchema.F_HASH, new BsonString(hash));
            commit.firstPosition = position;
            commit.hash = hash;
            documents.add(document);
            position += commit.size();
            previousHash = hash;
        }
        return documents;
    }

    private void succeeded(List<PendingCommit> pending, int count) {
        if (count == 0) {
            return;
        }
        PendingCommit last = pending.get(count - 1);
        advance(new Head(last.firstPosition, last.firstPosition + last.size(), last.hash));
        for (int i = 0; i < count; i++) {
            pending.get(i).succeeded();
        }
    }

    /** Whether a duplicate-key failure was about the position (another writer's commit is there). */
    private boolean positionTaken(PendingCommit failed) {
        BsonDocument occupant = commits.find(Filters.eq(LogSchema.F_ID, failed.firstPosition))
                                       .projection(Projections.include(LogSchema.F_HASH))
                                       .first();
        if (occupant == null) {
            return false;
        }
        if (failed.hash.equals(occupant.getString(LogSchema.F_HASH).getValue())) {
            advance(new Head(failed.firstPosition, failed.firstPosition + failed.size(), failed.hash));
            failed.succeeded();
            return false;
        }
        return true;
    }

    /** The event whose sequence number is taken, so Axon can tell a creation conflict from others. */
    private EventMessage<?> conflictingEvent(PendingCommit failed) {
        try {
            Set<String> taken = new HashSet<>();
            for (BsonDocument commit : commits.find(Filters.in(LogSchema.F_KEYS, failed.keys))
                                              .projection(Projections.include(LogSchema.F_KEYS))) {
                for (BsonValue key : commit.getArray(LogSchema.F_KEYS)) {
                    taken.add(key.asString().getValue());
                }
            }
            for (EventMessage<?> message : failed.messages) {
                if (message instanceof DomainEventMessage<?> domain
                        && taken.contains(LogSchema.aggregateKey(domain.getAggregateIdentifier(),
                                                                 domain.getSequenceNumber()))) {
                    return message;
                }
            }
        } catch (MongoException e) {
            logger.debug("Could not find which event of a refused commit conflicted", e);
        }
        return failed.messages.get(0);
    }

    /**
     * A write failed without a per-document answer (network, timeout): the commits may or may not be stored. Those
     * found at their positions with their own commit id succeeded; the rest fail, and the head is re-read.
     */
    private List<PendingCommit> resolveUnknownOutcome(List<PendingCommit> pending, MongoException cause) {
        head.set(null);
        try {
            List<Long> positions = pending.stream().map(commit -> commit.firstPosition).toList();
            Set<String> stored = new HashSet<>();
            for (BsonDocument commit : commits.find(Filters.in(LogSchema.F_ID, positions))
                                              .projection(Projections.include(LogSchema.F_HASH))) {
                stored.add(commit.getString(LogSchema.F_HASH).getValue());
            }
            for (PendingCommit commit : pending) {
                if (stored.contains(commit.hash)) {
                    commit.succeeded();
                } else {
                    commit.failed(new EventStoreException("The commit could not be stored", cause));
                }
            }
        } catch (MongoException e) {
            cause.addSuppressed(e);
            for (PendingCommit commit : pending) {
                commit.failed(new EventStoreException("The outcome of the commit is unknown", cause));
            }
        }
        return List.of();
    }

    /** Keeps the stored head hint near the head, so other processes find the head in a round trip or two. */
    private void writeHint() {
        Head current = head.get();
        if (current == null || current.start() == 0) {
            return;
        }
        long now = System.nanoTime();
        if (current.start() - hintWrittenAt < HINT_EVERY_POSITIONS && now - hintWrittenNanos < HINT_EVERY_NANOS) {
            return;
        }
        try {
            meta.updateOne(Filters.eq(LogSchema.F_ID, "head"),
                           Updates.max("last", new BsonInt64(current.start())),
                           new UpdateOptions().upsert(true));
            hintWrittenAt = current.start();
            hintWrittenNanos = now;
        } catch (MongoException e) {
            // only a hint: a concurrent first upsert or a hiccup costs a longer chain walk later, nothing else
            logger.debug("Could not update the head hint", e);
        }
    }
}
