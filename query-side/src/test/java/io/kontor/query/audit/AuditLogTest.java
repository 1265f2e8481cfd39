package io.kontor.query.audit;

import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.KontorEventStorageEngine;
import io.kontor.eventlog.KontorJson;
import io.kontor.eventlog.audit.LogReader;
import io.kontor.eventlog.testing.TestMongo;
import io.kontor.shared.KontorException;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pages of the log: filters, the next cursor, the limits, and an export that keeps order. */
class AuditLogTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    private AuditLog log;

    @BeforeEach
    void setUp() {
        MongoDatabase database = TestMongo.freshDatabase();
        KontorEventStorageEngine engine = KontorEventStorageEngine.builder()
                .database(database)
                .serializer(JacksonSerializer.builder().objectMapper(KontorJson.objectMapper()).build())
                .build();
        for (int i = 0; i < 10; i++) {
            Object payload = i % 2 == 0 ? "text " + i : Integer.valueOf(i);
            engine.appendEvents(new GenericDomainEventMessage<>("Test", i < 5 ? "A" : "B", i < 5 ? i : i - 5, payload,
                    MetaData.emptyInstance(), "id-" + i, T0.plusSeconds(60L * i)));
        }
        log = new AuditLog(new LogReader(database), engine);
    }

    private static List<Long> positions(EventPage page) {
        return page.events().stream().map(AuditEvent::position).toList();
    }

    @Test
    void aFullPageSaysWhereToGoOnAndTheLastPageReachesTheHead() {
        EventPage first = log.page(0, 4, new AuditLog.Filter(null, null, null, null));
        assertThat(positions(first)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(first.next()).isEqualTo(4);
        assertThat(first.head()).isEqualTo(10);

        EventPage last = log.page(8, 4, new AuditLog.Filter(null, null, null, null));
        assertThat(positions(last)).containsExactly(9L, 10L);
        assertThat(last.next()).isEqualTo(last.head());
    }

    @Test
    void filtersCombineTypeAggregateAndTimeRange() {
        assertThat(positions(log.page(0, 100, new AuditLog.Filter("Integer", null, null, null))))
                .containsExactly(2L, 4L, 6L, 8L, 10L);
        assertThat(positions(log.page(0, 100, new AuditLog.Filter("java.lang.String", "B", null, null))))
                .containsExactly(7L, 9L);
        assertThat(positions(log.page(0, 100, new AuditLog.Filter(null, null, T0.plusSeconds(120), T0.plusSeconds(300)))))
                .containsExactly(3L, 4L, 5L);
        EventPage aggregatePage = log.page(1, 2, new AuditLog.Filter(null, "A", null, null));
        assertThat(positions(aggregatePage)).containsExactly(2L, 3L);
        assertThat(aggregatePage.next()).isEqualTo(3);
    }

    @Test
    void limitsAreChecked() {
        AuditLog.Filter none = new AuditLog.Filter(null, null, null, null);
        assertThatThrownBy(() -> log.page(0, 0, none)).isInstanceOf(KontorException.class);
        assertThatThrownBy(() -> log.page(0, AuditLog.MAX_LIMIT + 1, none)).isInstanceOf(KontorException.class);
        assertThatThrownBy(() -> log.page(-1, 10, none)).isInstanceOf(KontorException.class);
    }

    @Test
    void anExportHandsOverEveryEventOfTheRangeInOrder() {
        List<Long> exported = new ArrayList<>();
        log.export(3, 8, event -> exported.add(event.position()));

        assertThat(exported).containsExactly(4L, 5L, 6L, 7L, 8L);
    }
}
