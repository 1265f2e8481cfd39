package io.kontor.eventlog.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.kontor.eventlog.LogSchema;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Recomputes Kontor's hash chain from position 1 to the head, reading commits by {@code _id} in windows (the same
 * flat-cost lookups the engine uses). A changed event is named by its own position (each event carries its own hash);
 * a changed commit header, a broken link or a missing commit by the first position of that commit.
 */
public final class HashChainVerifier {

    private static final int WINDOW = 256;

    private final MongoCollection<BsonDocument> commits;
    private final MongoCollection<BsonDocument> meta;

    public HashChainVerifier(MongoDatabase db) {
        this.commits = db.getCollection(LogSchema.COMMITS, BsonDocument.class);
        this.meta = db.getCollection(LogSchema.META, BsonDocument.class);
    }

    /** Walks the whole chain; reports the first broken position but keeps walking to report the head. */
    public VerificationResult verify() {
        String previousHash = LogSchema.GENESIS_HASH;
        long next = 1;
        Long broken = null;
        String problem = null;
        while (true) {
            List<BsonDocument> chain = LogSchema.readChain(commits, next, WINDOW);
            if (chain.isEmpty()) {
                break;
            }
            for (BsonDocument commit : chain) {
                String failure = null;
                long failedAt = LogSchema.start(commit);
                BsonArray events = commit.getArray(LogSchema.F_EVENTS);
                List<String> eventHashes = new ArrayList<>(events.size());
                for (int i = 0; i < events.size(); i++) {
                    BsonDocument event = events.get(i).asDocument();
                    String recomputed = LogSchema.eventHash(event);
                    BsonValue stored = event.get(LogSchema.E_HASH);
                    if (failure == null && (stored == null || !recomputed.equals(stored.asString().getValue()))) {
                        failure = "event content does not match its hash";
                        failedAt = LogSchema.start(commit) + i;
                    }
                    eventHashes.add(recomputed);
                }
                String storedHash = commit.getString(LogSchema.F_HASH).getValue();
                if (failure == null && !LogSchema.COMMIT_FIELDS.containsAll(commit.keySet())) {
                    failure = "commit has fields the log never writes";
                }
                if (failure == null && commit.getInt32(LogSchema.F_COUNT).getValue() != events.size()) {
                    failure = "event count does not match the events stored";
                }
                if (failure == null && !previousHash.equals(commit.getString(LogSchema.F_PREVIOUS_HASH).getValue())) {
                    failure = "previous hash does not match the preceding commit";
                }
                if (failure == null && !LogSchema.commitHash(commit, eventHashes).equals(storedHash)) {
                    failure = "commit content does not match its hash";
                }
                if (failure != null && broken == null) {
                    broken = failedAt;
                    problem = failure;
                }
                previousHash = storedHash;
            }
            next = LogSchema.end(chain.get(chain.size() - 1));
        }
        BsonDocument hint = meta.find(Filters.eq(LogSchema.F_ID, "head")).first();
        if (broken == null && hint != null && hint.getInt64("last").getValue() >= next) {
            broken = next;
            problem = "the chain ends at a missing commit, but later commits were recorded";
        }
        return new VerificationResult(broken == null, next - 1, previousHash, broken, problem);
    }
}
