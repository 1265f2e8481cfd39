package io.kontor.query.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.kontor.eventlog.KontorEventStorageEngine;
import io.kontor.eventlog.KontorJson;
import io.kontor.eventlog.LogSchema;
import io.kontor.eventlog.testing.TestMongo;
import io.kontor.events.KontorUpcasters;
import io.kontor.events.ledger.AccountOpened;
import io.kontor.events.ledger.AccountType;
import io.kontor.events.ledger.JournalEntryPosted;
import io.kontor.events.ledger.JournalLine;
import io.kontor.query.ledger.LedgerReplay;
import io.kontor.shared.Money;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AccountOpened} is at revision 2; events stored in the revision-1 shape (written before the change, never
 * rewritten) replay through the upcaster into the same ledger view, document for document.
 */
class UpcastingReplayTest {

    /** How revision 1 stored an account, field for field: the account's type under {@code type}. */
    private static final String[] REVISION_1_PAYLOADS = {
            "{\"code\": \"1000\", \"name\": \"Cash\", \"type\": \"ASSET\", \"currency\": \"DKK\"}",
            "{\"code\": \"3000\", \"name\": \"Equity\", \"type\": \"EQUITY\", \"currency\": \"DKK\"}"};

    private static KontorEventStorageEngine engine(MongoDatabase database) {
        return KontorEventStorageEngine.builder()
                .database(database)
                .serializer(JacksonSerializer.builder().objectMapper(KontorJson.objectMapper())
                        .revisionResolver(new AnnotationRevisionResolver()).build())
                .upcasterChain(KontorUpcasters.chain())
                .build();
    }

    private static void history(KontorEventStorageEngine engine) {
        engine.appendEvents(new GenericDomainEventMessage<>("Account", "1000", 0,
                new AccountOpened("1000", "Cash", AccountType.ASSET, Money.DKK)));
        engine.appendEvents(new GenericDomainEventMessage<>("Account", "3000", 0,
                new AccountOpened("3000", "Equity", AccountType.EQUITY, Money.DKK)));
        engine.appendEvents(new GenericDomainEventMessage<>("JournalEntry", "je-1", 0,
                new JournalEntryPosted("je-1", LocalDate.of(2030, 5, 1), "capital",
                        List.of(JournalLine.debit("1000", Money.dkk("500.00")),
                                JournalLine.credit("3000", Money.dkk("500.00"))))));
    }

    /** Puts the revision-1 shape in place of what the current code stored at positions 1 and 2. */
    private static void storeRevision1(MongoDatabase database) {
        MongoCollection<BsonDocument> commits = database.getCollection(LogSchema.COMMITS, BsonDocument.class);
        for (long position = 1; position <= 2; position++) {
            BsonDocument commit = commits.find(Filters.eq(LogSchema.F_ID, position)).first();
            BsonDocument event = commit.getArray(LogSchema.F_EVENTS).get(0).asDocument();
            assertThat(event.getString(LogSchema.E_PAYLOAD_REVISION).getValue()).isEqualTo("2");
            event.put(LogSchema.E_PAYLOAD_REVISION, new BsonString("1"));
            event.put(LogSchema.E_PAYLOAD, BsonDocument.parse(REVISION_1_PAYLOADS[(int) position - 1]));
            commits.replaceOne(Filters.eq(LogSchema.F_ID, position), commit);
        }
    }

    private static List<Document> documents(MongoDatabase database, String collection) {
        return database.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    @Test
    void revision1AccountsReplayIntoTheSameLedgerAsRevision2() {
        MongoDatabase current = TestMongo.freshDatabase();
        MongoDatabase old = TestMongo.freshDatabase();
        history(engine(current));
        history(engine(old));
        storeRevision1(old);

        MongoDatabase fromCurrent = TestMongo.freshDatabase();
        MongoDatabase fromOld = TestMongo.freshDatabase();
        LedgerReplay.rebuild(engine(current), fromCurrent, 2);
        LedgerReplay.rebuild(engine(old), fromOld, 2);

        List<String> collections = fromCurrent.listCollectionNames().into(new ArrayList<>());
        assertThat(collections).isNotEmpty();
        assertThat(fromOld.listCollectionNames().into(new ArrayList<>())).containsExactlyInAnyOrderElementsOf(collections);
        for (String collection : collections) {
            assertThat(documents(fromOld, collection)).as(collection).isEqualTo(documents(fromCurrent, collection));
        }
        assertThat(documents(fromOld, collections.get(0))).isNotEmpty();
    }

    @Test
    void theAggregateLoadsFromARevision1Event() {
        MongoDatabase old = TestMongo.freshDatabase();
        history(engine(old));
        storeRevision1(old);

        Object payload = engine(old).readEvents("3000").next().getPayload();

        assertThat(payload).isEqualTo(new AccountOpened("3000", "Equity", AccountType.EQUITY, Money.DKK));
    }
}
