package io.kontor.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.kontor.command.CommandSideApplication;
import io.kontor.eventlog.tokens.KontorTokenStore;
import io.kontor.query.QuerySideApplication;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two command sides and two query sides, each a JVM of its own, on one embedded server that the first command side
 * hosts (in memory). Concurrent load goes to both command sides at once. Afterwards the log holds every answered
 * command as exactly its own events at the answered position, positions are dense, the two query sides each work
 * one of the two segments of the {@code accounts} processor (claims in the token store held by two different
 * owners), and after catch-up both query sides show the ledger identities.
 */
class SeveralProcessesEndToEndTest {

    @TempDir
    Path logs;

    private final List<AppProcess> apps = new ArrayList<>();

    @AfterEach
    void stopAll() {
        AppProcess.stopAll(apps);
    }

    @Test
    void twoCommandSidesAndTwoQuerySidesUnderConcurrentLoad() {
        int mongoPort = AppProcess.freePort();
        List<String> common = new ArrayList<>(List.of("--kontor.mongo.database=kontor", "--kontor.query.poll-interval=20ms"));
        common.addAll(UserArguments.of(KontorApps.USERS));
        List<String> connect = new ArrayList<>(common);
        connect.add("--kontor.mongo.uri=mongodb://localhost:" + mongoPort);

        List<String> hostArgs = new ArrayList<>(common);
        hostArgs.addAll(List.of("--kontor.mongo.embedded.port=" + mongoPort, "--kontor.mongo.embedded.data-dir=none"));
        AppProcess host = start("command-1", CommandSideApplication.class, hostArgs).awaitReady();
        AppProcess command2 = start("command-2", CommandSideApplication.class, connect);
        List<String> queryArgs = new ArrayList<>(connect);
        // One processor on two segments, one thread each: a tracking processor claims as many segments as it has
        // threads, so each query side works one of the two.
        queryArgs.addAll(List.of("--axon.eventhandling.processors.accounts.mode=tracking",
                "--axon.eventhandling.processors.accounts.initial-segment-count=2",
                "--axon.eventhandling.processors.accounts.thread-count=1",
                "--axon.eventhandling.processors.accounts.token-claim-interval=200"));
        AppProcess query1 = start("query-1", QuerySideApplication.class, queryArgs);
        AppProcess query2 = start("query-2", QuerySideApplication.class, queryArgs);
        command2.awaitReady();
        query1.awaitReady();
        query2.awaitReady();

        ProcessLoad load = new ProcessLoad();
        List<Supplier<AppProcess>> commandSides = List.of(() -> host, () -> command2);
        load.runConcurrently(6, 12, worker -> commandSides.get(worker % 2));

        long head = verifiedHead(query1.url);
        System.out.println(load.summary() + ", head " + head);
        assertThat(load.answered).hasSizeGreaterThan(60);
        load.checkLog(query1.url, head);
        assertThat(load.answeredByKind()).containsKeys("journal", "invoice", "payment", "receipt", "issue", "account");

        // Both query sides work a segment of "accounts": two claims, two owners.
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            List<Document> claims = client.getDatabase("kontor").getCollection(KontorTokenStore.COLLECTION)
                    .find(Filters.eq("processorName", "accounts")).into(new ArrayList<>());
            assertThat(claims).hasSize(2);
            Set<Object> owners = claims.stream().map(c -> c.get("owner")).collect(Collectors.toSet());
            assertThat(owners).as(claims.toString()).hasSize(2).doesNotContainNull();
        }
        // Every processor reaches the head in the process that holds it (a one-segment processor is held by one).
        awaitCaughtUp(head, query1, query2);
        for (AppProcess query : List.of(query1, query2)) {
            ProcessLoad.assertIdentities(query.url);
            JsonNode receivables = ProcessLoad.read(query.url, "accountant", "/api/receivables?status=open&customer=" + load.run);
            assertThat(new BigDecimal(receivables.get("customers").get(0).get("open").asText()))
                    .isEqualByComparingTo(load.expectedOpenReceivables());
            assertThat(ProcessLoad.read(query.url, "accountant", "/api/accounts").findValuesAsText("code"))
                    .as("accounts opened through either segment").containsAll(load.openedAccounts());
        }
    }

    private AppProcess start(String name, Class<?> main, List<String> args) {
        AppProcess app = AppProcess.start(name, main, args, logs);
        apps.add(app);
        return app;
    }

    static long verifiedHead(String queryUrl) {
        JsonNode verify = ProcessLoad.read(queryUrl, "auditor", "/api/audit/verify");
        assertThat(verify.get("verified").asBoolean()).as(verify.toString()).isTrue();
        return verify.get("head").asLong();
    }

    /** Waits until, for every processor, the query sides that work it have reached {@code head}. */
    static void awaitCaughtUp(long head, AppProcess... queries) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Map<String, Long> furthest = new TreeMap<>();
            for (AppProcess query : queries) {
                for (JsonNode projection : ProcessLoad.read(query.url, "auditor", "/api/audit/projections")) {
                    furthest.merge(projection.get("name").asText(), projection.get("position").asLong(), Math::max);
                }
            }
            assertThat(furthest).isNotEmpty().allSatisfy((name, position) -> assertThat(position).as(name)
                    .isGreaterThanOrEqualTo(head));
        });
    }
}
