package io.kontor.eventlog.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.kontor.eventlog.BsonJson;
import io.kontor.eventlog.KontorJson;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An Axon {@link TokenStore} in MongoDB for tracking and pooled streaming processors running in several JVMs at
 * once. One document per processor segment ({@code _id} = {@code processorName/segment}) holds the token (as BSON,
 * readable with MongoDB tools), the owning node and the claim time; a claim is taken or extended by one conditional
 * {@code findOneAndUpdate} (free, ours, or expired after {@link Builder#claimTimeout(Duration)}), so two nodes can never
 * both hold a segment. Segments must be initialized explicitly ({@link #initializeTokenSegments}), as Axon's JPA and
 * JDBC stores require.
 */
public class KontorTokenStore implements TokenStore {

    /** The collection holding tokens. */
    public static final String COLLECTION = "eventlog_tokens";

    private static final String CONFIG_ID = "__storage_identifier";
    private static final String PROCESSOR = "processorName";
    private static final String SEGMENT = "segment";
    private static final String TOKEN = "token";
    private static final String TOKEN_TYPE = "tokenType";
    private static final String OWNER = "owner";
    private static final String CLAIMED_AT = "claimedAt";

    private final MongoCollection<BsonDocument> tokens;
    private final Serializer serializer;
    private final Duration claimTimeout;
    private final String nodeId;
    private final Clock clock;

    protected KontorTokenStore(Builder builder) {
        this.tokens = builder.database.getCollection(COLLECTION, BsonDocument.class);
        this.serializer = builder.serializer;
        this.claimTimeout = builder.claimTimeout;
        this.nodeId = builder.nodeId;
        this.clock = builder.clock;
        tokens.createIndex(Indexes.ascending(PROCESSOR, SEGMENT), new IndexOptions().name("processor_segment"));
    }

    /** A builder; {@link Builder#database(MongoDatabase)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    private static String id(String processorName, int segment) {
        return processorName + '/' + segment;
    }

    private Date now() {
        return Date.from(clock.instant());
    }

    /** Free, already ours, or held by a node that has not extended it within the claim timeout. */
    private Bson claimable() {
        return Filters.or(Filters.eq(OWNER, null), Filters.eq(OWNER, nodeId),
                          Filters.lt(CLAIMED_AT, Date.from(clock.instant().minus(claimTimeout))));
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        initializeTokenSegments(processorName, segmentCount, null);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        if (fetchSegments(processorName).length > 0) {
            throw new UnableToClaimTokenException("Could not initialize segments for processor [" + processorName
                                                          + "]: it already has segments");
        }
        List<BsonDocument> documents = new ArrayList<>(segmentCount);
        for (int segment = 0; segment < segmentCount; segment++) {
            documents.add(document(processorName, segment, initialToken));
        }
        try {
            tokens.insertMany(documents);
        } catch (MongoBulkWriteException e) {
            throw new UnableToClaimTokenException("Could not initialize segments for processor [" + processorName
                                                          + "]: another node did so at the same time", e);
        }
    }

    private BsonDocument document(String processorName, int segment, TrackingToken token) {
        BsonDocument document = new BsonDocument("_id", new BsonString(id(processorName, segment)))
                .append(PROCESSOR, new BsonString(processorName))
                .append(SEGMENT, new org.bson.BsonInt32(segment))
                .append(OWNER, BsonNull.VALUE)
                .append(CLAIMED_AT, BsonNull.VALUE);
        token(document, token);
        return document;
    }

    private void token(BsonDocument document, TrackingToken token) {
        if (token == null) {
            document.append(TOKEN, BsonNull.VALUE).append(TOKEN_TYPE, BsonNull.VALUE);
            return;
        }
        SerializedObject<JsonNode> serialized = serializer.serialize(token, JsonNode.class);
        document.append(TOKEN, BsonJson.toBson(serialized.getData()))
                .append(TOKEN_TYPE, new BsonString(serialized.getType().getName()));
    }

    private TrackingToken token(BsonDocument document) {
        BsonValue type = document.get(TOKEN_TYPE);
        if (type == null || type.isNull()) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(BsonJson.toJson(document.get(TOKEN)),
                                                                   JsonNode.class, type.asString().getValue(), null));
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        BsonDocument update = new BsonDocument();
        token(update, token);
        BsonDocument updated = tokens.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id(processorName, segment)), claimable()),
                Updates.combine(Updates.set(TOKEN, update.get(TOKEN)), Updates.set(TOKEN_TYPE, update.get(TOKEN_TYPE)),
                                Updates.set(OWNER, nodeId), Updates.set(CLAIMED_AT, now())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (updated == null) {
            throw unableToClaim(processorName, segment);
        }
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        BsonDocument claimed = claim(processorName, segment);
        return token(claimed);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        return fetchToken(processorName, segment.getSegmentId());
    }

    private BsonDocument claim(String processorName, int segment) {
        BsonDocument claimed = tokens.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id(processorName, segment)), claimable()),
                Updates.combine(Updates.set(OWNER, nodeId), Updates.set(CLAIMED_AT, now())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (claimed == null) {
            throw unableToClaim(processorName, segment);
        }
        return claimed;
    }

    private UnableToClaimTokenException unableToClaim(String processorName, int segment) {
        BsonDocument existing = tokens.find(Filters.eq("_id", id(processorName, segment))).first();
        if (existing == null) {
            return new UnableToClaimTokenException("Unable to claim token '" + processorName + "[" + segment
                                                           + "]'. It has not been initialized yet");
        }
        return new UnableToClaimTokenException("Unable to claim token '" + processorName + "[" + segment
                                                       + "]'. It is owned by '" + existing.get(OWNER) + "'");
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        long matched = tokens.updateOne(
                Filters.and(Filters.eq("_id", id(processorName, segment)), Filters.eq(OWNER, nodeId)),
                Updates.set(CLAIMED_AT, now())).getMatchedCount();
        if (matched == 0) {
            throw new UnableToClaimTokenException("Unable to extend the claim on token '" + processorName + "["
                                                          + segment + "]'. It is owned by another node or removed");
        }
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        tokens.updateOne(Filters.and(Filters.eq("_id", id(processorName, segment)), Filters.eq(OWNER, nodeId)),
                         Updates.combine(Updates.set(OWNER, null), Updates.set(CLAIMED_AT, null)));
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        try {
            tokens.insertOne(document(processorName, segment, token));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new UnableToInitializeTokenException(
                        "Could not initialize segment " + segment + " of [" + processorName + "]: it exists");
            }
            throw e;
        }
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        long deleted = tokens.deleteOne(Filters.and(Filters.eq("_id", id(processorName, segment)),
                                                    Filters.eq(OWNER, nodeId))).getDeletedCount();
        if (deleted == 0) {
            throw new UnableToClaimTokenException("Unable to remove token '" + processorName + "[" + segment
                                                          + "]'. It is not owned by " + nodeId);
        }
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return true;
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return tokens.find(Filters.eq(PROCESSOR, processorName))
                     .map(document -> document.getInt32(SEGMENT).getValue())
                     .into(new ArrayList<>())
                     .stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /**
     * The stored position of each segment of {@code processorName}, read without claiming anything: where the
     * processes that work those segments have got to (0 for a segment without a token yet). For a process that
     * works only some of a processor's segments and must tell how far the whole view is.
     */
    public Map<Integer, Long> storedPositions(String processorName) {
        Map<Integer, Long> positions = new TreeMap<>();
        for (BsonDocument document : tokens.find(Filters.eq(PROCESSOR, processorName))) {
            TrackingToken token = token(document);
            positions.put(document.getInt32(SEGMENT).getValue(), token == null ? 0L : token.position().orElse(0L));
        }
        return positions;
    }

    /** The segments this node could claim now: free, its own, or with an expired claim. */
    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        int[] all = fetchSegments(processorName);
        List<Segment> available = new ArrayList<>();
        for (BsonDocument document : tokens.find(Filters.and(Filters.eq(PROCESSOR, processorName), claimable()))) {
            available.add(Segment.computeSegment(document.getInt32(SEGMENT).getValue(), all));
        }
        available.sort((a, b) -> Integer.compare(a.getSegmentId(), b.getSegmentId()));
        return available;
    }

    /** One random identifier per database, created by whichever node asks first. */
    @Override
    public Optional<String> retrieveStorageIdentifier() {
        BsonDocument existing = tokens.find(Filters.eq("_id", CONFIG_ID)).first();
        if (existing == null) {
            try {
                tokens.insertOne(new BsonDocument("_id", new BsonString(CONFIG_ID))
                                         .append("identifier", new BsonString(UUID.randomUUID().toString())));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            existing = tokens.find(Filters.eq("_id", CONFIG_ID)).first();
        }
        return Optional.of(existing.getString("identifier").getValue());
    }

    /** Builds a {@link KontorTokenStore}. */
    public static class Builder {

        private MongoDatabase database;
        private Serializer serializer;
        private Duration claimTimeout = Duration.ofSeconds(10);
        private String nodeId = ManagementFactory.getRuntimeMXBean().getName();
        private Clock clock = Clock.systemUTC();

        /** The database to keep tokens in. Required. */
        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        /** Serializer of tokens; a {@link JacksonSerializer} on {@link KontorJson#objectMapper()} by default. */
        public Builder serializer(Serializer serializer) {
            this.serializer = serializer;
            return this;
        }

        /** How long a claim holds without being extended before another node may take it; 10 s by default. */
        public Builder claimTimeout(Duration claimTimeout) {
            this.claimTimeout = claimTimeout;
            return this;
        }

        /** This node's name in claims; the JVM's {@code pid@host} by default. */
        public Builder nodeId(String nodeId) {
            this.nodeId = nodeId;
            return this;
        }

        /** The clock claims are timed by; for tests. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public KontorTokenStore build() {
            if (database == null) {
                throw new AxonConfigurationException("A MongoDatabase is required for the KontorTokenStore");
            }
            if (nodeId == null || nodeId.isBlank() || claimTimeout == null || claimTimeout.isNegative()) {
                throw new AxonConfigurationException("The token store needs a node id and a non-negative claim timeout");
            }
            if (serializer == null) {
                serializer = KontorJson.serializer();
            }
            return new KontorTokenStore(this);
        }
    }
}
