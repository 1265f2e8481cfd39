package io.kontor.eventlog;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.kontor.events.ledger.AccountOpened;
import io.kontor.events.ledger.AccountType;
import io.kontor.eventlog.testing.TestMongo;
import io.kontor.shared.Money;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What Kontor's engine promises beyond Axon's conformance suite, one behaviour per test. */
class KontorEventStorageEngineTest {

    /** A payload with the value types Kontor's events carry. */
    record InvoiceIssuedForTest(String invoiceId, Money gross, LocalDate dueDate, Instant issuedAt, Currency currency) {
    }

    private MongoDatabase database;
    private KontorEventStorageEngine engine;

    @BeforeEach
    void setUp() {
        database = TestMongo.freshDatabase();
        engine = engine(database);
    }

    static KontorEventStorageEngine engine(MongoDatabase database) {
        return KontorEventStorageEngine.builder()
                .database(database)
                .serializer(KontorJson.serializer())
                .meterRegistry(new SimpleMeterRegistry())
                .build();
    }

    static DomainEventMessage<?> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Account", aggregate, sequence,
                new AccountOpened(aggregate, "Cash " + sequence, AccountType.ASSET, Money.DKK));
    }

    @Test
    void positionsAreDenseFromOneAndTheHeadFollowsThem() {
        assertThat(engine.headPosition()).isZero();
        engine.appendEvents(event("1000", 0), event("1000", 1), event("1000", 2));
        engine.appendEvents(event("1010", 0));
        engine.appendEvents(GenericEventMessage.asEventMessage("not an aggregate's"));

        List<Long> positions = engine.readEvents(null, false)
                .map(e -> ((GlobalSequenceTrackingToken) e.trackingToken()).getGlobalIndex()).toList();
        assertThat(positions).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(engine.headPosition()).isEqualTo(5);
        assertThat(engine(database).headPosition()).as("a fresh engine finds the head from the store").isEqualTo(5);
        assertThat(((GlobalSequenceTrackingToken) engine.createHeadToken()).getGlobalIndex()).isEqualTo(5);
    }

    @Test
    void appendLeavesTheLastPositionInTheUnitOfWork() {
        engine.appendEvents(event("1000", 0));
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        AtomicReference<Object> position = new AtomicReference<>();
        unitOfWork.execute(() -> {
            engine.appendEvents(event("1000", 1), event("1000", 2));
            position.set(unitOfWork.resources().get(KontorEventStorageEngine.LAST_POSITION_RESOURCE));
        });
        assertThat(position.get()).isEqualTo(3L);
    }

    @Test
    void secondWriterOfASequenceNumberGetsConcurrencyExceptionAndLeavesNothing() {
        engine.appendEvents(event("1000", 0), event("1000", 1));
        KontorEventStorageEngine other = engine(database);

        assertThatThrownBy(() -> other.appendEvents(event("2000", 0), event("1000", 1)))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> other.appendEvents(event("1000", 0)))
                .isInstanceOf(AggregateStreamCreationException.class);

        assertThat(engine.readEvents("2000").asStream()).isEmpty();
        assertThat(engine.headPosition()).isEqualTo(2);
        other.appendEvents(event("1000", 2));
        assertThat(engine.readEvents("1000").asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactly(0L, 1L, 2L);
        assertThat(engine.headPosition()).as("no gap where the refused commits were").isEqualTo(3);
    }

    @Test
    void trackingReaderResumesInsideACommit() {
        engine.appendEvents(event("1000", 0), event("1000", 1), event("1000", 2), event("1000", 3));
        engine.appendEvents(event("1010", 0));
        KontorEventStorageEngine freshReader = engine(database);

        List<String> afterTwo = freshReader.readEvents(new GlobalSequenceTrackingToken(2), false)
                .map(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier() + "#"
                        + ((DomainEventMessage<?>) e).getSequenceNumber()).toList();
        assertThat(afterTwo).containsExactly("1000#2", "1000#3", "1010#0");
        assertThat(freshReader.readEvents(new GlobalSequenceTrackingToken(5), false)).isEmpty();
        assertThat(freshReader.readEvents(new GlobalSequenceTrackingToken(9), false)).isEmpty();
    }

    @Test
    void payloadsAndMetadataAreStoredAsBsonWithExactDecimals() {
        InvoiceIssuedForTest payload = new InvoiceIssuedForTest("INV-1", Money.dkk("1250.50"),
                LocalDate.of(2026, 12, 31), Instant.parse("2026-11-27T01:00:00.123456789Z"), Money.DKK);
        engine.appendEvents(new GenericDomainEventMessage<>("Invoice", "INV-1", 0, payload,
                MetaData.from(Map.of("kontor.user", "alice", "correlationId", "c-1"))));

        BsonDocument commit = database.getCollection(LogSchema.COMMITS, BsonDocument.class)
                .find(Filters.eq("_id", 1L)).first();
        BsonDocument stored = commit.getArray(LogSchema.F_EVENTS).get(0).asDocument();
        BsonDocument storedPayload = stored.getDocument(LogSchema.E_PAYLOAD);
        assertThat(storedPayload.getDocument("gross").get("amount").getBsonType()).isEqualTo(BsonType.DECIMAL128);
        assertThat(storedPayload.getDocument("gross").getDecimal128("amount").getValue().bigDecimalValue())
                .isEqualTo(new BigDecimal("1250.50"));
        assertThat(storedPayload.getString("dueDate").getValue()).isEqualTo("2026-12-31");
        assertThat(stored.getDocument(LogSchema.E_META_DATA).getString("kontor.user").getValue()).isEqualTo("alice");

        DomainEventMessage<?> read = engine.readEvents("INV-1").next();
        assertThat(read.getPayload()).isEqualTo(payload);
        assertThat(((InvoiceIssuedForTest) read.getPayload()).gross().amount().scale()).isEqualTo(2);
        assertThat(read.getMetaData()).containsEntry("kontor.user", "alice");
        assertThat(read.getTimestamp()).isEqualTo(read.getTimestamp());
    }

    @Test
    void timestampsKeepTheirFullPrecision() {
        Instant precise = Instant.parse("2026-11-27T01:00:00.123456789Z");
        EventMessage<?> message = new GenericEventMessage<>(
                new org.axonframework.messaging.GenericMessage<>("precise"), () -> precise);
        engine.appendEvents(message);
        TrackedEventMessage<?> read = engine.readEvents(null, false).findFirst().orElseThrow();
        assertThat(read.getTimestamp()).isEqualTo(precise);
    }

    @Test
    void aggregateLoadsAcrossManyBatchesAndFindsTheLastSequenceNumber() {
        KontorEventStorageEngine small = KontorEventStorageEngine.builder().database(database).batchSize(7).build();
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (long sequence = 0; sequence < 50; sequence++) {
            batch.add(event("A", sequence));
            if (batch.size() == 3 || sequence == 49) {
                small.appendEvents(batch);
                small.appendEvents(event("other-" + sequence, 0));
                batch = new ArrayList<>();
            }
        }
        assertThat(small.readEvents("A").asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 50).boxed().toList());
        assertThat(small.readEvents("A", 45).asStream()).hasSize(5);
        assertThat(small.lastSequenceNumberFor("A")).contains(49L);
        assertThat(small.lastSequenceNumberFor("other-2")).contains(0L);
        assertThat(small.lastSequenceNumberFor("nobody")).isEmpty();
    }
}
