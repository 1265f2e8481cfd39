package io.kontor.eventlog.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.kontor.eventlog.KontorEventStorageEngine;
import io.kontor.eventlog.KontorJson;
import io.kontor.eventlog.LogSchema;
import io.kontor.eventlog.testing.TestMongo;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.BsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/** Auditors' check: any change to stored events is found, and named by the position it touched. */
class HashChainVerifierTest {

    private MongoDatabase database;
    private MongoCollection<BsonDocument> commits;

    @BeforeEach
    void setUp() {
        database = TestMongo.freshDatabase();
        commits = database.getCollection(LogSchema.COMMITS, BsonDocument.class);
        KontorEventStorageEngine engine = KontorEventStorageEngine.builder()
                .database(database)
                .serializer(KontorJson.serializer())
                .build();
        engine.appendEvents(event("A", 0, "opened"));
        engine.appendEvents(event("A", 1, "first"), event("A", 2, "second"), event("A", 3, "third"));
        engine.appendEvents(event("B", 0, "other"));
    }

    private static GenericDomainEventMessage<String> event(String aggregate, long sequence, String payload) {
        return new GenericDomainEventMessage<>("Test", aggregate, sequence, payload);
    }

    @Test
    void anUntouchedLogVerifiesToItsHead() {
        VerificationResult result = new HashChainVerifier(database).verify();

        assertThat(result.verified()).isTrue();
        assertThat(result.headPosition()).isEqualTo(5);
        assertThat(result.headHash()).isEqualTo(commits.find(Filters.eq("_id", 5L)).first().getString("hash").getValue());
        assertThat(result.firstBrokenPosition()).isNull();
    }

    @Test
    void anEventAlteredInMongoDbIsNamedByItsPosition() {
        commits.updateOne(Filters.eq("_id", 2L), Updates.set("events.1.payload", "tampered"));

        VerificationResult result = new HashChainVerifier(database).verify();

        assertThat(result.verified()).isFalse();
        assertThat(result.firstBrokenPosition()).isEqualTo(3L);
        assertThat(result.headPosition()).isEqualTo(5);
    }

    @Test
    void anEventRehashedByTheTampererStillBreaksItsCommit() {
        BsonDocument commit = commits.find(Filters.eq("_id", 2L)).first();
        BsonDocument event = commit.getArray("events").get(2).asDocument();
        event.put("payload", new org.bson.BsonString("tampered"));
        event.put("hash", new org.bson.BsonString(LogSchema.eventHash(event)));
        commits.replaceOne(Filters.eq("_id", 2L), commit);

        assertThat(new HashChainVerifier(database).verify().firstBrokenPosition()).isEqualTo(2L);
    }

    @Test
    void aChangedCommitHeaderIsNamedByTheCommitsFirstPosition() {
        commits.updateOne(Filters.eq("_id", 5L), Updates.set("at", new Date(0)));

        assertThat(new HashChainVerifier(database).verify().firstBrokenPosition()).isEqualTo(5L);
    }

    @Test
    void aDeletedCommitBreaksTheChainWhereItWas() {
        database.getCollection(LogSchema.META, BsonDocument.class)
                .updateOne(Filters.eq("_id", "head"), Updates.max("last", 5L),
                           new com.mongodb.client.model.UpdateOptions().upsert(true));
        commits.deleteOne(Filters.eq("_id", 2L));

        VerificationResult result = new HashChainVerifier(database).verify();

        assertThat(result.verified()).isFalse();
        assertThat(result.firstBrokenPosition()).isEqualTo(2L);
    }
}
