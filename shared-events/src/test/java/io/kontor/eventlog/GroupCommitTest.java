package io.kontor.eventlog;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.kontor.eventlog.audit.HashChainVerifier;
import io.kontor.eventlog.testing.TestMongo;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static io.kontor.eventlog.KontorEventStorageEngineTest.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Concurrent units of work share round trips, and a refused commit in a group fails only itself. */
class GroupCommitTest {

    private final AtomicInteger commitInserts = new AtomicInteger();
    private MongoClient client;
    private MongoDatabase database;
    private KontorEventStorageEngine engine;

    @BeforeEach
    void setUp() {
        CommandListener countInserts = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("insert")
                        && LogSchema.COMMITS.equals(event.getCommand().getString("insert").getValue())) {
                    commitInserts.incrementAndGet();
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestMongo.connectionString()))
                .addCommandListener(countInserts)
                .build());
        database = client.getDatabase(TestMongo.freshDatabase().getName());
        engine = KontorEventStorageEngineTest.engine(database);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void aRefusedCommitInAGroupFailsOnlyItselfAndLeavesNoTrace() {
        engine.appendEvents(event("taken", 0));
        PendingCommit first = engine.prepare(List.of(event("a", 0), event("a", 1)), engine.getEventSerializer());
        PendingCommit refused = engine.prepare(List.of(event("b", 0), event("taken", 0)), engine.getEventSerializer());
        PendingCommit last = engine.prepare(List.of(event("c", 0)), engine.getEventSerializer());
        commitInserts.set(0);

        engine.writer().flush(new ArrayList<>(List.of(first, refused, last)));

        assertThat(first.failure).isNull();
        assertThat(last.failure).isNull();
        assertThat(refused.failure).isInstanceOf(DuplicateKeyException.class);
        assertThat(refused.conflictingEvent.getIdentifier()).isEqualTo(refused.messages.get(1).getIdentifier());
        assertThat(first.firstPosition).isEqualTo(2);
        assertThat(last.firstPosition).as("re-positioned right after the last stored commit").isEqualTo(4);
        assertThat(commitInserts.get()).as("one insertMany for the group, one for what followed the refusal")
                                       .isEqualTo(2);
        assertThat(engine.readEvents("b").asStream()).isEmpty();
        assertThat(engine.readEvents(null, false).map(e -> ((GlobalSequenceTrackingToken) e.trackingToken())
                .getGlobalIndex())).containsExactly(1L, 2L, 3L, 4L);
        assertThat(new HashChainVerifier(database).verify().verified()).isTrue();
    }

    @Test
    void concurrentAppendsShareRoundTripsAndOnlyConflictingOnesFail() throws Exception {
        int threads = 16;
        int appendsPerThread = 20;
        for (int i = 0; i < threads * appendsPerThread; i += 2) {
            engine.appendEvents(event("existing-" + i, 0));
        }
        long before = engine.headPosition();
        commitInserts.set(0);
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int n = 0; n < appendsPerThread; n++) {
                        int i = thread * appendsPerThread + n;
                        if (i % 2 == 0) {
                            assertThatThrownBy(() -> engine.appendEvents(event("existing-" + i, 0)))
                                    .isInstanceOf(AggregateStreamCreationException.class);
                            refused.incrementAndGet();
                        } else {
                            String aggregate = "new-" + UUID.randomUUID();
                            engine.appendEvents(event(aggregate, 0), event(aggregate, 1));
                            accepted.add(aggregate);
                        }
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        int commits = threads * appendsPerThread;
        assertThat(refused.get()).isEqualTo(commits / 2);
        assertThat(engine.headPosition()).isEqualTo(before + 2L * accepted.size());
        assertThat(commitInserts.get()).as("groups formed: fewer inserts than commits").isLessThan(commits);
        List<Long> positions = engine.readEvents(null, false)
                .map(e -> ((GlobalSequenceTrackingToken) e.trackingToken()).getGlobalIndex()).toList();
        assertThat(positions).hasSize((int) engine.headPosition());
        for (int i = 0; i < positions.size(); i++) {
            assertThat(positions.get(i)).isEqualTo(i + 1L);
        }
        for (String aggregate : accepted) {
            assertThat(engine.readEvents(aggregate).asStream()).hasSize(2);
        }
        assertThat(new HashChainVerifier(database).verify().verified()).isTrue();
    }
}
