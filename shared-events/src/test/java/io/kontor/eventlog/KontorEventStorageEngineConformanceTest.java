package io.kontor.eventlog;

import io.kontor.eventlog.testing.TestMongo;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngineTest;
import org.junit.jupiter.api.BeforeEach;

import java.util.function.UnaryOperator;

/**
 * Axon's own storage-engine conformance suite ({@code BatchingEventStorageEngineTest} and its parents
 * {@code AbstractEventStorageEngineTest} and {@code EventStorageEngineTest} from the axon-eventsourcing test-jar), run
 * against Kontor's engine on a fresh database per test. Nothing in it is overridden.
 */
class KontorEventStorageEngineConformanceTest
        extends BatchingEventStorageEngineTest<KontorEventStorageEngine, KontorEventStorageEngine.Builder> {

    @BeforeEach
    void setUp() {
        setTestSubject(createEngine());
    }

    @Override
    protected KontorEventStorageEngine createEngine(UnaryOperator<KontorEventStorageEngine.Builder> customization) {
        KontorEventStorageEngine.Builder builder = KontorEventStorageEngine.builder()
                .database(TestMongo.freshDatabase())
                .serializer(KontorJson.serializer());
        return customization.apply(builder).build();
    }
}
