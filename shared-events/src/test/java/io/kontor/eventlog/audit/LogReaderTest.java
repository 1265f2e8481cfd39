package io.kontor.eventlog.audit;

import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.KontorEventStorageEngine;
import io.kontor.eventlog.KontorJson;
import io.kontor.eventlog.testing.TestMongo;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Auditors read stored events by position, by page and by aggregate, exactly as stored. */
class LogReaderTest {

    private MongoDatabase database;
    private LogReader reader;

    @BeforeEach
    void setUp() {
        database = TestMongo.freshDatabase();
        KontorEventStorageEngine engine = KontorEventStorageEngine.builder()
                .database(database)
                .serializer(JacksonSerializer.builder().objectMapper(KontorJson.objectMapper()).build())
                .build();
        engine.appendEvents(event("A", 0, "opened"));
        engine.appendEvents(event("A", 1, "first"), event("B", 0, "other"), event("A", 2, "second"));
        engine.appendEvents(event("B", 1, "later"));
        reader = new LogReader(database);
    }

    private static GenericDomainEventMessage<String> event(String aggregate, long sequence, String payload) {
        return new GenericDomainEventMessage<>("Test", aggregate, sequence, payload,
                MetaData.from(Map.of("user", "alice", "correlationId", "c-" + payload)));
    }

    private static List<Long> positions(List<LoggedEvent> events) {
        return events.stream().map(LoggedEvent::position).toList();
    }

    @Test
    void anEventInTheMiddleOfACommitIsFoundByItsPosition() {
        LoggedEvent event = reader.at(3).orElseThrow();

        assertThat(event.aggregateId()).isEqualTo("B");
        assertThat(event.sequence()).isZero();
        assertThat(event.payload().asString().getValue()).isEqualTo("other");
        assertThat(event.user()).isEqualTo("alice");
        assertThat(event.correlationId()).isEqualTo("c-other");
        assertThat(event.hasType("java.lang.String")).isTrue();
        assertThat(event.hasType("String")).isTrue();
        assertThat(reader.at(6)).isEmpty();
        assertThat(reader.at(0)).isEmpty();
    }

    @Test
    void pagesStartInsideACommitAndNeverSkipAnEvent() {
        assertThat(positions(reader.after(0, 2))).containsExactly(1L, 2L);
        assertThat(positions(reader.after(2, 2))).containsExactly(3L, 4L);
        assertThat(positions(reader.after(4, 100))).containsExactly(5L);
        assertThat(reader.after(5, 100)).isEmpty();
    }

    @Test
    void anAggregatesHistoryIsInSequenceOrderWithPositions() {
        assertThat(positions(reader.aggregate("A"))).containsExactly(1L, 2L, 4L);
        assertThat(positions(reader.aggregate("B"))).containsExactly(3L, 5L);
        assertThat(reader.aggregate("nobody")).isEmpty();
    }
}
