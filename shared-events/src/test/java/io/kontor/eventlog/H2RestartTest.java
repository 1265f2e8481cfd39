package io.kontor.eventlog;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.kontor.eventlog.audit.HashChainVerifier;
import io.kontor.eventlog.audit.VerificationResult;
import io.kontor.eventlog.embedded.EmbeddedMongoServer;
import io.kontor.shared.Money;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import static io.kontor.eventlog.KontorEventStorageEngineTest.event;
import static org.assertj.core.api.Assertions.assertThat;

/** The embedded server's H2 file backend keeps the whole log, hashes included, across a restart. */
class H2RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void eventsSnapshotsAndTheChainSurviveARestart() {
        KontorEventStorageEngineTest.InvoiceIssuedForTest invoice = new KontorEventStorageEngineTest.InvoiceIssuedForTest(
                "INV-7", Money.dkk("99.90"), LocalDate.of(2027, 1, 31), Instant.parse("2026-11-27T02:00:00Z"), Money.DKK);
        String headHash;
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start("127.0.0.1", 0, dataDir.toString());
             MongoClient client = MongoClients.create(server.connectionString())) {
            KontorEventStorageEngine engine = KontorEventStorageEngineTest.engine(client.getDatabase("kontor"));
            engine.appendEvents(event("1000", 0), event("1000", 1));
            engine.appendEvents(new GenericDomainEventMessage<>("Invoice", "INV-7", 0, invoice));
            engine.storeSnapshot(event("1000", 1));
            VerificationResult before = new HashChainVerifier(client.getDatabase("kontor")).verify();
            assertThat(before.verified()).isTrue();
            headHash = before.headHash();
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start("127.0.0.1", 0, dataDir.toString());
             MongoClient client = MongoClients.create(server.connectionString())) {
            KontorEventStorageEngine engine = KontorEventStorageEngineTest.engine(client.getDatabase("kontor"));
            assertThat(engine.headPosition()).isEqualTo(3);
            assertThat(engine.readEvents("INV-7").next().getPayload()).isEqualTo(invoice);
            assertThat(engine.readSnapshot("1000")).map(DomainEventMessage::getSequenceNumber).contains(1L);

            engine.appendEvents(event("1000", 2));
            assertThat(engine.readEvents(new GlobalSequenceTrackingToken(3), false)
                             .map(e -> ((GlobalSequenceTrackingToken) e.trackingToken()).getGlobalIndex()))
                    .containsExactly(4L);
            VerificationResult after = new HashChainVerifier(client.getDatabase("kontor")).verify();
            assertThat(after.verified()).isTrue();
            assertThat(after.headPosition()).isEqualTo(4);
            assertThat(after.headHash()).isNotEqualTo(headHash);
        }
    }
}
