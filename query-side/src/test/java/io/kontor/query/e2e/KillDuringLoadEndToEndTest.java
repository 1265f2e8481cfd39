package io.kontor.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.command.CommandSideApplication;
import io.kontor.eventlog.embedded.EmbeddedMongoServer;
import io.kontor.query.QuerySideApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code kill -9} of a command side and of a query side in the middle of concurrent load, then both started again.
 * The embedded server runs in the test JVM and every app connects to it, so the kill hits the app (its commits in
 * flight, its group commit, its half-folded batch) and not the store: the H2 file backend's write-back delay, the
 * one thing a kill of the hosting process adds, is a property of the development backend (RELIABILITY.md).
 * Afterwards: the hash chain verifies, positions are dense, every answered command is in the log as exactly its own
 * events, a command whose answer was lost is either all there or not at all, and the restarted query side's views
 * equal a rebuild of them from position 0.
 */
class KillDuringLoadEndToEndTest {

    private static final List<String> REBUILT = List.of("ledger", "inventory", "billing", "accounts");

    @TempDir
    Path logs;

    private final List<AppProcess> apps = new ArrayList<>();
    private EmbeddedMongoServer server;

    @AfterEach
    void stopAll() {
        AppProcess.stopAll(apps);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void killedProcessesLeaveNoPartialCommitAndTheirViewsEqualARebuild() {
        server = EmbeddedMongoServer.start("localhost", 0, EmbeddedMongoServer.MEMORY);
        List<String> args = new ArrayList<>(List.of("--kontor.mongo.uri=" + server.connectionString(),
                "--kontor.mongo.database=kontor", "--kontor.query.poll-interval=20ms"));
        args.addAll(UserArguments.of(KontorApps.USERS));
        AppProcess command1 = start("command-1", CommandSideApplication.class, args).awaitReady();
        AppProcess command2 = start("command-2", CommandSideApplication.class, args);
        AppProcess query = start("query", QuerySideApplication.class, args);
        command2.awaitReady();
        query.awaitReady();

        ProcessLoad load = new ProcessLoad();
        List<Supplier<AppProcess>> commandSides = List.of(() -> command1, () -> command2);
        CompletableFuture<Void> running = CompletableFuture.runAsync(
                () -> load.runConcurrently(4, 24, worker -> commandSides.get(worker % 2)));
        // In the middle of the load: both die at once, without a shutdown of any kind.
        await().atMost(Duration.ofSeconds(60)).until(() -> load.answered.size() >= 30 || running.isDone());
        assertThat(running).as("the load was still running at the kill").isNotDone();
        command2.kill();
        query.kill();
        running.join();
        assertThat(load.unknown).as("commands in flight at the kill (and the ones tried after it)").isNotEmpty();

        command2.restart();
        query.restart();
        command2.awaitReady();
        query.awaitReady();
        // The restarted command side takes commands again, the log continues after what the killed one left.
        load.runConcurrently(4, 6, worker -> commandSides.get(worker % 2), 4);

        long head = SeveralProcessesEndToEndTest.verifiedHead(query.url);
        System.out.println(load.summary() + ", head " + head);
        load.checkLog(query.url, head);
        SeveralProcessesEndToEndTest.awaitCaughtUp(head, query);
        ProcessLoad.assertIdentities(query.url);

        Map<String, JsonNode> live = views(query.url);
        for (String name : REBUILT) {
            Http.Answer started = Http.as("admin").post(query.url + "/api/audit/projections/" + name + "/rebuild", "");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                    status(query.url, name).equals("LIVE"));
        }
        assertThat(views(query.url)).as("the views the killed query side left equal a rebuild from 0").isEqualTo(live);
    }

    private AppProcess start(String name, Class<?> main, List<String> args) {
        AppProcess app = AppProcess.start(name, main, args, logs);
        apps.add(app);
        return app;
    }

    private static Map<String, JsonNode> views(String url) {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        for (String path : List.of("/api/trial-balance?asOf=2046-12-31", "/api/inventory", "/api/receivables?status=all",
                "/api/accounts", "/api/accounts/1100/balance", "/api/accounts/1200/balance",
                "/api/accounts/1010/ledger?from=2046-01-01&to=2046-12-31")) {
            views.put(path, ProcessLoad.read(url, "accountant", path));
        }
        return views;
    }

    private static String status(String url, String name) {
        for (JsonNode projection : ProcessLoad.read(url, "auditor", "/api/audit/projections")) {
            if (projection.get("name").asText().equals(name)) {
                return projection.get("status").asText();
            }
        }
        throw new AssertionError("no projection " + name);
    }
}
