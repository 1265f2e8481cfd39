package io.kontor.eventlog;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.BsonBinaryWriter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stored shape of Kontor's event log and the rules that read it, shared by the engine and the auditors' verifier.
 * <p>
 * One document per commit (all events of one unit of work) in {@value #COMMITS}: {@code _id} is the global position
 * of the commit's first event and {@code n} its event count, so the commits tile positions 1, 2, 3, … without gaps and
 * the commit after {@code c} is always at {@code c._id + c.n}. Every read is therefore a lookup of known {@code _id}s
 * (flat cost on MongoDB and on the embedded server), never a range scan. {@code keys} ({@code aggregateId/seq}) carries
 * a unique (multikey, sparse) index, so one insert claims the position and the aggregate sequence numbers at once, or
 * nothing at all. Event identifiers are unique within a commit (checked before writing); across commits they are
 * random UUIDs, and a second unique index only for them would cost every append a third index update.
 * <p>
 * Tamper evidence: each event carries the SHA-256 of its own content ({@link #eventHash}), and each commit the SHA-256
 * of its header, which names the previous commit's hash, and its events' hashes ({@link #commitHash}).
 */
public final class LogSchema {

    /** One document per commit. */
    public static final String COMMITS = "eventlog_commits";
    /** The latest snapshot per aggregate, {@code _id} = aggregate identifier. */
    public static final String SNAPSHOTS = "eventlog_snapshots";
    /** Hints that make finding the head cheap; never a source of truth. */
    public static final String META = "eventlog_meta";

    public static final String F_ID = "_id";
    public static final String F_COUNT = "n";
    public static final String F_COMMITTED_AT = "at";
    public static final String F_MAX_TIMESTAMP = "tmax";
    public static final String F_KEYS = "keys";
    public static final String F_EVENTS = "events";
    public static final String F_PREVIOUS_HASH = "prevHash";
    public static final String F_HASH = "hash";

    public static final String E_ID = "id";
    public static final String E_AGGREGATE_TYPE = "aggregateType";
    public static final String E_AGGREGATE_ID = "aggregateId";
    public static final String E_SEQUENCE = "seq";
    public static final String E_TIMESTAMP = "timestamp";
    public static final String E_PAYLOAD_TYPE = "payloadType";
    public static final String E_PAYLOAD_REVISION = "payloadRevision";
    public static final String E_PAYLOAD = "payload";
    public static final String E_META_DATA = "metaData";
    public static final String E_HASH = "hash";

    /** The hash the first commit chains to. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private LogSchema() {
    }

    /** The unique key of one aggregate sequence number; the number is last so identifiers may contain anything. */
    public static String aggregateKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + '/' + sequenceNumber;
    }

    /**
     * SHA-256 (hex) of an event's content: the BSON bytes of every field except its own hash, in stored order
     * (MongoDB keeps a document's field order, so a reordering counts as a change like any other).
     */
    public static String eventHash(BsonDocument event) {
        BsonDocument content = event;
        if (event.containsKey(E_HASH)) {
            content = new BsonDocument();
            for (Map.Entry<String, BsonValue> field : event.entrySet()) {
                if (!E_HASH.equals(field.getKey())) {
                    content.append(field.getKey(), field.getValue());
                }
            }
        }
        MessageDigest digest = sha256();
        digest.update(bsonBytes(content));
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * SHA-256 (hex) of a commit: its header fields ({@code _id}, {@code n}, {@code at}, {@code tmax}, {@code keys},
     * {@code prevHash}) in a fixed, length-prefixed text form, then its events' hashes in order. It is computed by the
     * one writer that assigns positions, so it is kept to plain string work.
     */
    public static String commitHash(BsonDocument commit, List<String> eventHashes) {
        StringBuilder text = new StringBuilder(160 + 65 * eventHashes.size()).append("kontor-commit-1");
        field(text, Long.toString(start(commit)));
        field(text, Integer.toString(commit.getInt32(F_COUNT).getValue()));
        field(text, Long.toString(commit.getDateTime(F_COMMITTED_AT).getValue()));
        field(text, Long.toString(commit.getDateTime(F_MAX_TIMESTAMP).getValue()));
        BsonValue keys = commit.get(F_KEYS);
        BsonArray keyArray = keys == null ? new BsonArray() : keys.asArray();
        field(text, Integer.toString(keyArray.size()));
        for (BsonValue key : keyArray) {
            field(text, key.asString().getValue());
        }
        field(text, commit.getString(F_PREVIOUS_HASH).getValue());
        for (String eventHash : eventHashes) {
            field(text, eventHash);
        }
        MessageDigest digest = sha256();
        digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The fields a commit document has; anything else in one is a change to the log. */
    public static final Set<String> COMMIT_FIELDS = Set.of(F_ID, F_COUNT, F_COMMITTED_AT, F_MAX_TIMESTAMP, F_KEYS,
                                                           F_PREVIOUS_HASH, F_EVENTS, F_HASH);

    private static void field(StringBuilder text, String value) {
        text.append('|').append(value.length()).append(':').append(value);
    }

    private static byte[] bsonBytes(BsonDocument document) {
        BasicOutputBuffer buffer = new BasicOutputBuffer(512);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            new BsonDocumentCodec().encode(writer, document, EncoderContext.builder().build());
        }
        return buffer.toByteArray();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The first position of a commit document. */
    public static long start(BsonDocument commit) {
        return commit.getInt64(F_ID).getValue();
    }

    /** The position right after a commit document: where the next commit starts. */
    public static long end(BsonDocument commit) {
        return start(commit) + commit.getInt32(F_COUNT).getValue();
    }

    /**
     * The commits that follow each other from {@code from} (which must be a commit start, or the position after the
     * head), looked up by {@code _id} in one round trip over {@code window} candidate positions. It stops at the first
     * position with no commit, so it never skips one that is not visible yet; an empty list means nothing is at
     * {@code from} yet.
     */
    public static List<BsonDocument> readChain(MongoCollection<BsonDocument> commits, long from, int window) {
        List<Long> candidates = new ArrayList<>(window);
        for (long position = from; position < from + window; position++) {
            candidates.add(position);
        }
        Map<Long, BsonDocument> found = new HashMap<>();
        // one reply for the whole window: the driver's default first batch (101) would cost a getMore round trip
        for (BsonDocument commit : commits.find(Filters.in(F_ID, candidates)).batchSize(window)) {
            found.put(start(commit), commit);
        }
        List<BsonDocument> chain = new ArrayList<>();
        BsonDocument next = found.get(from);
        while (next != null) {
            chain.add(next);
            next = found.get(end(next));
        }
        return chain;
    }
}
