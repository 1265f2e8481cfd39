package io.kontor.eventlog;

import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.testing.TestMongo;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.GenericMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * axon-mongo loses an event whose commit lands more than its look-back window after its timestamp. Kontor orders by
 * position only, so a tracking reader gets every event, however late its commit was relative to its timestamp.
 */
class LateCommitTrackingTest {

    private static EventMessage<?> stampedAt(String payload, Instant timestamp) {
        return new GenericEventMessage<>(new GenericMessage<>(payload), () -> timestamp);
    }

    @Test
    void anEventCommittedLongAfterItsTimestampIsStillDelivered() {
        KontorEventStorageEngine engine = KontorEventStorageEngineTest.engine(TestMongo.freshDatabase());
        engine.appendEvents(stampedAt("recent", Instant.now()));
        TrackingToken caughtUp = engine.readEvents(null, false).reduce((a, b) -> b).orElseThrow().trackingToken();

        engine.appendEvents(stampedAt("stamped an hour ago", Instant.now().minus(Duration.ofHours(1))));

        List<Object> delivered = engine.readEvents(caughtUp, false).<Object>map(EventMessage::getPayload).toList();
        assertThat(delivered).containsExactly("stamped an hour ago");
    }

    @Test
    void aReaderTrackingConcurrentWritersWithSkewedClocksMissesNothing() throws Exception {
        MongoDatabase database = TestMongo.freshDatabase();
        KontorEventStorageEngine writerEngine = KontorEventStorageEngineTest.engine(database);
        KontorEventStorageEngine readerEngine = KontorEventStorageEngineTest.engine(database);
        int writers = 4;
        int eventsPerWriter = 60;
        int total = writers * eventsPerWriter;
        List<String> delivered = new ArrayList<>();
        AtomicBoolean positionsDense = new AtomicBoolean(true);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            Future<?> reader = pool.submit(() -> {
                TrackingToken token = null;
                long expected = 1;
                while (!stop.get() && delivered.size() < total) {
                    for (TrackedEventMessage<?> event : readerEngine.readEvents(token, false).toList()) {
                        long position = ((GlobalSequenceTrackingToken) event.trackingToken()).getGlobalIndex();
                        positionsDense.compareAndSet(true, position == expected);
                        expected = position + 1;
                        delivered.add((String) event.getPayload());
                        token = event.trackingToken();
                    }
                }
            });
            List<Future<?>> writing = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                writing.add(pool.submit(() -> {
                    for (int n = 0; n < eventsPerWriter; n++) {
                        long skewSeconds = ThreadLocalRandom.current().nextLong(0, 30);
                        writerEngine.appendEvents(stampedAt("w" + writer + "-" + n,
                                                            Instant.now().minusSeconds(skewSeconds)));
                    }
                }));
            }
            for (Future<?> future : writing) {
                future.get();
            }
            await().atMost(Duration.ofSeconds(30)).until(reader::isDone);
            reader.get();
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        assertThat(positionsDense).isTrue();
        assertThat(delivered).hasSize(total);
        Set<String> unique = new HashSet<>(delivered);
        assertThat(unique).hasSize(total);
    }
}
