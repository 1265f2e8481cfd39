package io.kontor.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Kontor's event log: an Axon {@link org.axonframework.eventsourcing.eventstore.EventStorageEngine} on MongoDB that
 * needs no transactions (standalone MongoDB, a replica set, or the embedded mongo-java-server).
 * <p>
 * Guarantees, and how (the stored shape is described in {@link LogSchema}):
 * <ul>
 *     <li>Atomic commits: all events of one {@link #appendEvents} call are one document, inserted whole or not at all.</li>
 *     <li>Dense global positions 1, 2, 3, … in commit order, safe with several writer processes: a commit's
 *     {@code _id} is its first position and the insert itself claims it; a loser follows the chain and retries.
 *     Tracking uses {@link GlobalSequenceTrackingToken}s and reads only an unbroken chain of commits, so it never
 *     skips an event, however late its commit was compared with its timestamp.</li>
 *     <li>Optimistic concurrency: a unique index on {@code aggregateId/sequence} refuses a second writer of the same
 *     sequence number with Axon's {@code ConcurrencyException} ({@code AggregateStreamCreationException} for 0);
 *     the refused commit leaves nothing behind.</li>
 *     <li>Group commit: concurrent appends share one ordered {@code insertMany}; a refused commit fails only its own
 *     unit of work.</li>
 *     <li>Flat cost: appends, tracking reads, aggregate loads and snapshot reads are lookups of known keys.</li>
 *     <li>Tamper evidence: a SHA-256 hash chain over commits, checked by {@code HashChainVerifier}.</li>
 * </ul>
 * After an append inside a unit of work, the global position of its last event is in the root unit of work's
 * resources under {@link #LAST_POSITION_RESOURCE}.
 */
public class KontorEventStorageEngine extends BatchingEventStorageEngine {

    /**
     * The unit-of-work resource key under which {@code appendEvents} leaves the {@code Long} global position of the
     * last event it appended (in the root unit of work), so command answers can carry it.
     */
    public static final String LAST_POSITION_RESOURCE = "kontor.eventlog.lastPosition";

    private static final int BOUNDARY_CACHE = 1 << 12;
    private static final int MAX_LOOKBACK = 1 << 20;
    /**
     * The embedded server matches each returned document against the {@code $in} list one by one, so a window of k
     * positions costs k²/2 comparisons there; a few hundred balances that against the round trips saved.
     */
    private static final int MAX_TRACKING_WINDOW = 512;

    private final MongoCollection<BsonDocument> commits;
    private final MongoCollection<BsonDocument> snapshots;
    private final CommitWriter writer;
    private final Timer appendLatency;
    private final DistributionSummary appendSize;
    /** Positions known to start a commit, so a reader at one needs no look-back for a containing commit. */
    private final AtomicLongArray boundaries = new AtomicLongArray(BOUNDARY_CACHE);
    /**
     * Positions a tracking read asks for at once: grows while readers find full windows (catching up, fewer round
     * trips) and falls back to the batch size once they reach the head (small polls).
     */
    private final AtomicInteger trackingWindow = new AtomicInteger();

    protected KontorEventStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase database = builder.database;
        this.commits = database.getCollection(LogSchema.COMMITS, BsonDocument.class);
        this.snapshots = database.getCollection(LogSchema.SNAPSHOTS, BsonDocument.class);
        MongoCollection<BsonDocument> meta = database.getCollection(LogSchema.META, BsonDocument.class);
        commits.createIndex(Indexes.ascending(LogSchema.F_KEYS),
                            new IndexOptions().name("aggregate_sequence").unique(true).sparse(true));
        MeterRegistry registry = builder.meterRegistry == null ? new SimpleMeterRegistry() : builder.meterRegistry;
        this.appendLatency = Timer.builder("kontor.eventlog.append.latency")
                                  .description("Time from append call to its commit being stored")
                                  .register(registry);
        this.appendSize = DistributionSummary.builder("kontor.eventlog.append.events")
                                             .description("Events per appended commit")
                                             .register(registry);
        DistributionSummary groupSize = DistributionSummary.builder("kontor.eventlog.append.batch.size")
                                                           .description("Commits written per round trip (group commit)")
                                                           .register(registry);
        this.writer = new CommitWriter(commits, meta, groupSize);
        Gauge.builder("kontor.eventlog.head", this, engine -> {
                 CommitWriter.Head head = engine.writer.knownHead();
                 return head == null ? 0 : head.lastPosition();
             })
             .description("Global position of the last event this process knows to be committed")
             .register(registry);
    }

    /** A builder; {@link Builder#database(MongoDatabase)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The position of the last committed event, 0 when the log is empty: a few {@code _id} lookups, no scan. */
    public long headPosition() {
        return writer.refreshHead().lastPosition();
    }

    CommitWriter writer() {
        return writer;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        PendingCommit commit = prepare(events, serializer);
        long started = System.nanoTime();
        writer.commit(commit);
        if (commit.failure != null) {
            if (commit.conflictingEvent != null) {
                handlePersistenceException(commit.failure, commit.conflictingEvent);
            }
            throw commit.failure;
        }
        appendLatency.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        appendSize.record(commit.size());
        rememberBoundary(commit.firstPosition);
        rememberBoundary(commit.firstPosition + commit.size());
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().resources().put(LAST_POSITION_RESOURCE, commit.lastPosition());
        }
    }

    /** Serializes and hashes in the appending thread, so the group's writer only assigns positions. */
    PendingCommit prepare(List<? extends EventMessage<?>> messages, Serializer serializer) {
        List<BsonDocument> events = new ArrayList<>(messages.size());
        List<String> hashes = new ArrayList<>(messages.size());
        BsonArray keys = new BsonArray();
        Set<String> seenKeys = new HashSet<>();
        Set<String> seenIds = new HashSet<>();
        Instant maxTimestamp = Instant.MIN;
        for (EventMessage<?> message : messages) {
            if (!seenIds.add(message.getIdentifier())) {
                handlePersistenceException(new DuplicateKeyException(
                        "Event identifier " + message.getIdentifier() + " appears twice in one commit", null), message);
            }
            if (message instanceof DomainEventMessage<?> domain) {
                String key = LogSchema.aggregateKey(domain.getAggregateIdentifier(), domain.getSequenceNumber());
                if (!seenKeys.add(key)) {
                    handlePersistenceException(new DuplicateKeyException(
                            "Aggregate sequence " + key + " appears twice in one commit", null), message);
                }
                keys.add(new BsonString(key));
            }
            BsonDocument event = eventDocument(message, serializer);
            String hash = LogSchema.eventHash(event);
            event.append(LogSchema.E_HASH, new BsonString(hash));
            events.add(event);
            hashes.add(hash);
            if (message.getTimestamp().isAfter(maxTimestamp)) {
                maxTimestamp = message.getTimestamp();
            }
        }
        return new PendingCommit(messages, events, hashes, keys, new BsonDateTime(maxTimestamp.toEpochMilli()));
    }

    private static BsonDocument eventDocument(EventMessage<?> message, Serializer serializer) {
        BsonDocument event = new BsonDocument().append(LogSchema.E_ID, new BsonString(message.getIdentifier()));
        if (message instanceof DomainEventMessage<?> domain) {
            event.append(LogSchema.E_AGGREGATE_TYPE, nullable(domain.getType()))
                 .append(LogSchema.E_AGGREGATE_ID, new BsonString(domain.getAggregateIdentifier()))
                 .append(LogSchema.E_SEQUENCE, new BsonInt64(domain.getSequenceNumber()));
        }
        SerializedObject<?> payload = serialize(serializer, message.getPayload());
        SerializedObject<?> metaData = serialize(serializer, message.getMetaData());
        return event.append(LogSchema.E_TIMESTAMP, new BsonString(message.getTimestamp().toString()))
                    .append(LogSchema.E_PAYLOAD_TYPE, new BsonString(payload.getType().getName()))
                    .append(LogSchema.E_PAYLOAD_REVISION, nullable(payload.getType().getRevision()))
                    .append(LogSchema.E_PAYLOAD, bson(payload))
                    .append(LogSchema.E_META_DATA, bson(metaData));
    }

    /**
     * JSON trees where the serializer can make them (so MongoDB tools can read events), bytes otherwise. A plain
     * {@link JacksonSerializer} is asked for the tree directly: through its converter it would write bytes and parse
     * them back, twice per event.
     */
    private static SerializedObject<?> serialize(Serializer serializer, Object value) {
        if (value != null && serializer.getClass() == JacksonSerializer.class) {
            JsonNode tree = ((JacksonSerializer) serializer).getObjectMapper().valueToTree(value);
            return new SimpleSerializedObject<>(tree, JsonNode.class, serializer.typeForClass(value.getClass()));
        }
        if (serializer.canSerializeTo(JsonNode.class)) {
            return serializer.serialize(value, JsonNode.class);
        }
        return serializer.serialize(value, byte[].class);
    }

    private static BsonValue bson(SerializedObject<?> serialized) {
        Object data = serialized.getData();
        if (data instanceof JsonNode node) {
            return BsonJson.toBson(node);
        }
        return new BsonBinary((byte[]) data);
    }

    private static BsonValue nullable(String value) {
        return value == null ? BsonNull.VALUE : new BsonString(value);
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        BsonDocument document = new BsonDocument(LogSchema.F_ID, new BsonString(snapshot.getAggregateIdentifier()));
        eventDocument(snapshot, serializer).forEach(document::append);
        try {
            // seq-guarded: replaces only an older snapshot; with a newer one present the upsert hits the _id instead
            snapshots.replaceOne(Filters.and(Filters.eq(LogSchema.F_ID, snapshot.getAggregateIdentifier()),
                                             Filters.lt(LogSchema.E_SEQUENCE, snapshot.getSequenceNumber())),
                                 document, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw new EventStoreException("Could not store the snapshot of " + snapshot.getAggregateIdentifier(), e);
            }
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        BsonDocument snapshot = snapshots.find(Filters.eq(LogSchema.F_ID, aggregateIdentifier)).first();
        return snapshot == null ? Stream.empty() : Stream.of(StoredEvent.domain(snapshot));
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        long target = positionAfter(lastToken);
        int window = Math.max(batchSize, trackingWindow.get());
        List<StoredEvent.Tracked> events = new ArrayList<>();
        List<BsonDocument> chain;
        if (isKnownBoundary(target)) {
            chain = LogSchema.readChain(commits, target, window);
            boolean full = !chain.isEmpty() && LogSchema.end(chain.get(chain.size() - 1)) >= target + window;
            trackingWindow.set(full ? Math.min(MAX_TRACKING_WINDOW, window * 2) : batchSize);
        } else {
            BsonDocument containing = findContaining(target);
            if (containing == null) {
                return events;
            }
            addEvents(events, containing, target);
            rememberBoundary(LogSchema.end(containing));
            chain = events.size() >= batchSize ? List.of()
                    : LogSchema.readChain(commits, LogSchema.end(containing), batchSize - events.size());
        }
        for (BsonDocument commit : chain) {
            addEvents(events, commit, LogSchema.start(commit));
            rememberBoundary(LogSchema.end(commit));
        }
        if (!chain.isEmpty()) {
            writer.observe(chain.get(chain.size() - 1));
        }
        return events;
    }

    private static long positionAfter(TrackingToken token) {
        if (token == null) {
            return 1;
        }
        if (token instanceof GlobalSequenceTrackingToken global) {
            return Math.max(1, global.getGlobalIndex() + 1);
        }
        throw new IllegalArgumentException("Kontor's event log tracks with GlobalSequenceTrackingToken, not " + token);
    }

    private static void addEvents(List<StoredEvent.Tracked> into, BsonDocument commit, long from) {
        long start = LogSchema.start(commit);
        BsonArray events = commit.getArray(LogSchema.F_EVENTS);
        for (int i = (int) (from - start); i < events.size(); i++) {
            into.add(StoredEvent.tracked(events.get(i).asDocument(), start + i));
        }
    }

    private boolean isKnownBoundary(long position) {
        if (position == 1 || boundaries.get((int) (position & (BOUNDARY_CACHE - 1))) == position) {
            return true;
        }
        CommitWriter.Head head = writer.knownHead();
        return head != null && head.end() == position;
    }

    private void rememberBoundary(long position) {
        boundaries.set((int) (position & (BOUNDARY_CACHE - 1)), position);
    }

    /**
     * The commit holding {@code position} when a reader resumes inside a commit: looks back by {@code _id} in growing
     * windows (a commit is rarely large), never by a range query. {@code null} when the position is not stored yet.
     */
    private BsonDocument findContaining(long position) {
        CommitWriter.Head head = writer.knownHead();
        long floor = head != null && position >= head.end() ? head.end() : 1;
        long upper = position;
        long window = 32;
        while (upper >= floor && position - upper < MAX_LOOKBACK) {
            long lower = Math.max(floor, upper - window + 1);
            List<Long> candidates = new ArrayList<>((int) (upper - lower + 1));
            for (long candidate = upper; candidate >= lower; candidate--) {
                candidates.add(candidate);
            }
            BsonDocument latest = null;
            for (BsonDocument commit : commits.find(Filters.in(LogSchema.F_ID, candidates))) {
                if (latest == null || LogSchema.start(commit) > LogSchema.start(latest)) {
                    latest = commit;
                }
            }
            if (latest != null) {
                return LogSchema.end(latest) > position ? latest : null;
            }
            upper = lower - 1;
            window *= 4;
        }
        return null;
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        List<String> keys = new ArrayList<>(batchSize);
        for (long sequence = firstSequenceNumber; sequence < firstSequenceNumber + batchSize; sequence++) {
            keys.add(LogSchema.aggregateKey(aggregateIdentifier, sequence));
        }
        TreeMap<Long, BsonDocument> bySequence = new TreeMap<>();
        Set<Long> seenCommits = new HashSet<>();
        for (BsonDocument commit : commits.find(Filters.in(LogSchema.F_KEYS, keys))) {
            if (!seenCommits.add(LogSchema.start(commit))) {
                continue;
            }
            for (BsonValue value : commit.getArray(LogSchema.F_EVENTS)) {
                BsonDocument event = value.asDocument();
                BsonValue aggregate = event.get(LogSchema.E_AGGREGATE_ID);
                if (aggregate != null && aggregateIdentifier.equals(aggregate.asString().getValue())) {
                    long sequence = event.getInt64(LogSchema.E_SEQUENCE).getValue();
                    if (sequence >= firstSequenceNumber) {
                        bySequence.put(sequence, event);
                    }
                }
            }
        }
        List<StoredEvent.Domain> events = new ArrayList<>(bySequence.size());
        long expected = firstSequenceNumber;
        for (Map.Entry<Long, BsonDocument> entry : bySequence.entrySet()) {
            if (entry.getKey() != expected) {
                break;
            }
            events.add(StoredEvent.domain(entry.getValue()));
            expected++;
        }
        return events;
    }

    /**
     * Finds the highest sequence number from the unique keys alone: a probe of 0, 1, 3, 7, … brackets it, then
     * narrowing probes of up to 64 keys pin it down, a handful of round trips whatever the aggregate's length.
     */
    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        List<Long> probes = new ArrayList<>();
        for (int bit = 0; bit < 62; bit++) {
            probes.add((1L << bit) - 1);
        }
        Set<Long> present = presentSequences(aggregateIdentifier, probes);
        if (!present.contains(0L)) {
            return Optional.empty();
        }
        long low = 0;
        for (long probe : probes) {
            if (present.contains(probe)) {
                low = probe;
            } else {
                break;
            }
        }
        long high = 2 * low + 1;
        // invariant: low is present, high is absent (sequence numbers are dense)
        while (high - low > 1) {
            long step = Math.max(1, (high - low) / 64);
            List<Long> narrowing = new ArrayList<>();
            for (long sequence = low + step; sequence < high; sequence += step) {
                narrowing.add(sequence);
            }
            Set<Long> found = presentSequences(aggregateIdentifier, narrowing);
            long newLow = low;
            long newHigh = high;
            for (long sequence : narrowing) {
                if (found.contains(sequence)) {
                    newLow = sequence;
                } else {
                    newHigh = sequence;
                    break;
                }
            }
            low = newLow;
            high = newHigh;
        }
        return Optional.of(low);
    }

    private Set<Long> presentSequences(String aggregateIdentifier, List<Long> sequences) {
        Map<String, Long> byKey = new HashMap<>();
        for (long sequence : sequences) {
            byKey.put(LogSchema.aggregateKey(aggregateIdentifier, sequence), sequence);
        }
        Set<Long> present = new HashSet<>();
        for (BsonDocument commit : commits.find(Filters.in(LogSchema.F_KEYS, byKey.keySet()))
                                          .projection(Projections.include(LogSchema.F_KEYS))) {
            for (BsonValue key : commit.getArray(LogSchema.F_KEYS)) {
                Long sequence = byKey.get(key.asString().getValue());
                if (sequence != null) {
                    present.add(sequence);
                }
            }
        }
        return present;
    }

    /** Before the first event: a processor starting here reads position 1 onwards. */
    @Override
    public TrackingToken createTailToken() {
        return new GlobalSequenceTrackingToken(0);
    }

    @Override
    public TrackingToken createHeadToken() {
        return new GlobalSequenceTrackingToken(headPosition());
    }

    /**
     * The token before the first event (in position order) whose timestamp is at or after {@code dateTime}, the head
     * when there is none. Timestamps are not ordered by position, so this scans commits whose latest timestamp could
     * qualify; it is meant for setting up a processor, not for a hot path.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        Date lowerBound = new Date(dateTime.toEpochMilli());
        for (BsonDocument commit : commits.find(Filters.gte(LogSchema.F_MAX_TIMESTAMP, lowerBound))
                                          .sort(Sorts.ascending(LogSchema.F_ID))) {
            long start = LogSchema.start(commit);
            BsonArray events = commit.getArray(LogSchema.F_EVENTS);
            for (int i = 0; i < events.size(); i++) {
                Instant timestamp = Instant.parse(events.get(i).asDocument().getString(LogSchema.E_TIMESTAMP).getValue());
                if (!timestamp.isBefore(dateTime)) {
                    return new GlobalSequenceTrackingToken(start + i - 1);
                }
            }
        }
        return createHeadToken();
    }

    /**
     * Builds a {@link KontorEventStorageEngine}. Without {@link #serializer(Serializer)}, events and snapshots are
     * serialized by a {@link JacksonSerializer} on {@link KontorJson#objectMapper()}.
     */
    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private MeterRegistry meterRegistry;
        private Serializer serializer;
        private boolean snapshotSerializerSet;
        private boolean eventSerializerSet;
        private boolean resolverSet;

        /** The database holding the log's collections. Required. */
        public Builder database(MongoDatabase database) {
            if (database == null) {
                throw new AxonConfigurationException("The MongoDatabase may not be null");
            }
            this.database = database;
            return this;
        }

        /** Serializer of payloads and metadata, and of snapshots unless {@link #snapshotSerializer} is given. */
        public Builder serializer(Serializer serializer) {
            if (serializer == null) {
                throw new AxonConfigurationException("The Serializer may not be null");
            }
            this.serializer = serializer;
            return this;
        }

        /** Where the append and head meters go; none when not given. */
        public Builder meterRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = meterRegistry;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            snapshotSerializerSet = true;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            eventSerializerSet = true;
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver persistenceExceptionResolver) {
            super.persistenceExceptionResolver(persistenceExceptionResolver);
            resolverSet = true;
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        @Deprecated
        public Builder snapshotFilter(Predicate<? super DomainEventData<?>> snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder finalAggregateBatchPredicate(Predicate<List<? extends DomainEventData<?>>> predicate) {
            super.finalAggregateBatchPredicate(predicate);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            if (database == null) {
                throw new AxonConfigurationException("A MongoDatabase is required for the KontorEventStorageEngine");
            }
            Serializer effective = serializer != null ? serializer
                    : KontorJson.serializer();
            if (!eventSerializerSet) {
                super.eventSerializer(effective);
            }
            if (!snapshotSerializerSet) {
                super.snapshotSerializer(effective);
            }
            if (!resolverSet) {
                super.persistenceExceptionResolver(KontorEventStorageEngine::isDuplicateKey);
            }
            super.validate();
        }

        /** Builds the engine and creates its indexes if missing. */
        public KontorEventStorageEngine build() {
            return new KontorEventStorageEngine(this);
        }
    }

    private static boolean isDuplicateKey(Exception exception) {
        if (exception instanceof DuplicateKeyException) {
            return true;
        }
        if (exception instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        if (exception instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream()
                       .anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
        }
        return false;
    }
}
