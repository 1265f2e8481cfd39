package io.kontor.eventlog;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.audit.HashChainVerifier;
import io.kontor.eventlog.audit.VerificationResult;
import io.kontor.eventlog.testing.TestMongo;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.kontor.eventlog.KontorEventStorageEngineTest.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two engines on two MongoClients stand in for two command-side processes: their concurrent appends keep positions
 * dense and in commit order, a contested aggregate sequence number is won exactly once, and the chain verifies.
 */
class TwoWriterProcessesTest {

    @Test
    void concurrentWritersInTwoProcessesKeepPositionsDenseAndInCommitOrder() throws Exception {
        String databaseName = TestMongo.freshDatabase().getName();
        int threadsPerProcess = 4;
        int appendsPerThread = 40;
        try (MongoClient clientA = MongoClients.create(TestMongo.connectionString());
             MongoClient clientB = MongoClients.create(TestMongo.connectionString())) {
            MongoDatabase databaseA = clientA.getDatabase(databaseName);
            List<KontorEventStorageEngine> engines = List.of(KontorEventStorageEngineTest.engine(databaseA),
                    KontorEventStorageEngineTest.engine(clientB.getDatabase(databaseName)));
            Map<String, Long> positionByEventId = new ConcurrentHashMap<>();
            List<List<Long>> positionsPerThread = Collections.synchronizedList(new ArrayList<>());
            Set<Long> contestedWins = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(2 * threadsPerProcess);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int p = 0; p < 2; p++) {
                    KontorEventStorageEngine engine = engines.get(p);
                    for (int t = 0; t < threadsPerProcess; t++) {
                        String writer = "p" + p + "t" + t;
                        futures.add(pool.submit(() -> {
                            List<Long> mine = new ArrayList<>();
                            for (int n = 0; n < appendsPerThread; n++) {
                                List<DomainEventMessage<?>> events = new ArrayList<>();
                                for (int e = 0; e <= n % 3; e++) {
                                    events.add(event(writer, 3L * n + e));
                                }
                                mine.add(appendInUnitOfWork(engine, events));
                                events.forEach(m -> positionByEventId.put(m.getIdentifier(), 0L));
                                long contested = n / 4;
                                try {
                                    appendInUnitOfWork(engine, List.of(event("contested", contested)));
                                    assertThat(contestedWins.add(contested)).isTrue();
                                } catch (ConcurrencyException | AggregateStreamCreationException expected) {
                                    // another writer won this sequence number: exactly what must happen
                                }
                            }
                            positionsPerThread.add(mine);
                        }));
                    }
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }

            KontorEventStorageEngine reader = KontorEventStorageEngineTest.engine(TestMongo.client().getDatabase(databaseName));
            List<? extends TrackedEventMessage<?>> all = reader.readEvents(null, false).toList();
            for (int i = 0; i < all.size(); i++) {
                assertThat(((GlobalSequenceTrackingToken) all.get(i).trackingToken()).getGlobalIndex())
                        .as("dense positions").isEqualTo(i + 1L);
            }
            Set<String> readIds = new HashSet<>();
            all.forEach(e -> readIds.add(e.getIdentifier()));
            assertThat(readIds).containsAll(positionByEventId.keySet());
            assertThat(all).hasSize(positionByEventId.size() + contestedWins.size());
            for (List<Long> positions : positionsPerThread) {
                assertThat(positions).as("each writer's commits in its commit order").isSorted();
            }
            assertThat(reader.readEvents("contested").asStream().map(DomainEventMessage::getSequenceNumber))
                    .containsExactlyElementsOf(contestedWins.stream().sorted().toList());
            VerificationResult verification = new HashChainVerifier(databaseA).verify();
            assertThat(verification.verified()).isTrue();
            assertThat(verification.headPosition()).isEqualTo(all.size());
        }
    }

    private static long appendInUnitOfWork(KontorEventStorageEngine engine, List<DomainEventMessage<?>> events) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            engine.appendEvents(events);
            long position = (Long) unitOfWork.resources().get(KontorEventStorageEngine.LAST_POSITION_RESOURCE);
            unitOfWork.commit();
            return position;
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
    }
}
