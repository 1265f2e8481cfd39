package io.kontor.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.testing.TestMongo;
import io.kontor.query.ledger.LedgerGenerations;
import io.kontor.query.ledger.LedgerReplay;
import io.kontor.query.ledger.LedgerStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rebuilding the ledger beside the live view while it keeps answering, then swapping to the rebuilt generation. */
class RebuildEndToEndTest {

    private final KontorApps apps = KontorApps.get();

    private long post(String date, String debitAccount, String creditAccount, String amount) {
        String body = """
                {"date":"%s","description":"rebuild","lines":[{"account":"%s","debit":"%s"},{"account":"%s","credit":"%s"}]}
                """.formatted(date, debitAccount, amount, creditAccount, amount);
        Http.Answer answer = Http.as("accountant").post(apps.commandUrl + "/api/journal-entries", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("position").asLong();
    }

    private JsonNode trialBalance(long minPosition) {
        Http.Answer answer = Http.as("accountant")
                .get(apps.queryUrl + "/api/trial-balance?asOf=2099-12-31&minPosition=" + minPosition);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode ledgerStatus() {
        Http.Answer answer = Http.as("admin").get(apps.queryUrl + "/api/audit/projections");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        for (JsonNode view : answer.json()) {
            if (view.get("name").asText().equals("ledger")) {
                return view;
            }
        }
        throw new AssertionError("no ledger view in " + answer.body());
    }

    @Test
    void theLedgerIsRebuiltBesideTheLiveViewWhichKeepsAnsweringAndThenContinuesOnTheNewGeneration() {
        for (int i = 0; i < 25; i++) {
            post("2041-0" + (1 + i % 9) + "-2" + (i % 8), i % 2 == 0 ? "1010" : "6000", i % 3 == 0 ? "4000" : "3000",
                    (i + 1) + ".75");
        }
        long head = apps.head();
        JsonNode before = trialBalance(head);
        LedgerGenerations generations = apps.query.getBean(LedgerGenerations.class);
        LedgerStore old = generations.get();

        String rebuild = apps.queryUrl + "/api/audit/projections/ledger/rebuild";
        assertThat(Http.as("accountant").post(rebuild, "").status()).isEqualTo(403);
        assertThat(Http.as("auditor").post(rebuild, "").status()).isEqualTo(403);
        assertThat(Http.as("admin").post(apps.queryUrl + "/api/audit/projections/nosuchview/rebuild", "").status())
                .isEqualTo(404);
        Http.Answer started = Http.as("admin").post(rebuild, "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("generation").asLong()).isEqualTo(old.generation() + 1);
        assertThat(started.json().get("head").asLong()).isGreaterThanOrEqualTo(head);

        AtomicInteger queries = new AtomicInteger();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() -> {
            // The live view keeps answering, with the same figures, all through the rebuild and the swap.
            assertThat(trialBalance(head).get("totals")).isEqualTo(before.get("totals"));
            queries.incrementAndGet();
            JsonNode status = ledgerStatus();
            if (status.get("status").asText().equals("REBUILDING")) {
                JsonNode progress = status.get("rebuild");
                assertThat(progress.get("head").asLong()).isGreaterThanOrEqualTo(progress.get("position").asLong());
                assertThat(progress.get("eventsPerSecond").asDouble()).isNotNegative();
                return false;
            }
            return status.get("status").asText().equals("LIVE") && generations.get() != old;
        });
        assertThat(queries.get()).isPositive();
        assertThat(trialBalance(head)).isEqualTo(before);
        LedgerStore rebuilt = generations.get();
        assertThat(rebuilt.generation()).isEqualTo(old.generation() + 1);

        // the rebuilt view equals a replay of the log, document for document
        MongoDatabase live = apps.query.getBean(MongoDatabase.class);
        MongoDatabase replayed = TestMongo.freshDatabase();
        LedgerReplay.rebuild(apps.query.getBean(EventStorageEngine.class), replayed, 11);
        List<String> names = List.of("ledger_accounts", "ledger_buckets", "ledger_lines");
        for (int i = 0; i < names.size(); i++) {
            assertThat(documents(live, rebuilt.collectionNames().get(i))).as(names.get(i))
                    .isEqualTo(documents(replayed, names.get(i)));
        }

        // the projection continues on the new generation
        long after = post("2041-11-11", "1010", "4000", "123.45");
        JsonNode moved = trialBalance(after);
        assertThat(new java.math.BigDecimal(moved.get("totals").get("debit").asText())
                .subtract(new java.math.BigDecimal(before.get("totals").get("debit").asText())))
                .isEqualByComparingTo("123.45");
        assertThat(documents(live, rebuilt.collectionNames().get(2)).size()
                + documents(live, rebuilt.collectionNames().get(1)).stream()
                .mapToInt(b -> b.getList("entries", Document.class, List.of()).size()).sum())
                .isPositive();
        assertThat(documents(live, rebuilt.collectionNames().get(1)).stream()
                .flatMap(b -> b.getList("entries", Document.class, List.of()).stream())
                .anyMatch(line -> line.getLong("position") == after)).isTrue();
        // the replaced generation is dropped
        await().atMost(Duration.ofSeconds(30)).until(() -> live.listCollectionNames().into(new ArrayList<>()).stream()
                .noneMatch(old.collectionNames()::contains));
    }

    private static List<Document> documents(MongoDatabase database, String collection) {
        List<Document> all = new ArrayList<>();
        database.getCollection(collection).find().sort(new Document("_id", 1)).into(all);
        return all;
    }
}
