package io.kontor.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.kontor.command.CommandSideApplication;
import io.kontor.eventlog.KontorEventStorageEngine;
import io.kontor.eventlog.embedded.EmbeddedMongoServer;
import io.kontor.eventlog.tokens.KontorTokenStore;
import io.kontor.query.QuerySideApplication;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both apps on the embedded server's H2 file backend, stopped and started again on the same data directory:
 * the log, its hash chain and the views are all still there, and each processor resumes from its stored token
 * instead of folding the log again from position 0 (a view document removed while the apps were down stays
 * removed, which a replay from 0 would have brought back).
 */
class RestartDurabilityEndToEndTest {

    @TempDir
    Path data;

    private ConfigurableApplicationContext command;
    private ConfigurableApplicationContext query;
    private String commandUrl;
    private String queryUrl;

    @Test
    void theLogAndTheViewsSurviveARestartAndTheViewsResumeFromTheirTokens() {
        start();
        // On a fresh database (the chart seeded), every processor starts from 0 with a plain position token.
        caughtUp(head());
        assertNoReplayTokens();
        long removedAt = post("/api/employees", "hr", hire("removed-1"));
        // Folded in a batch of its own, before a later batch: the token is stored past it.
        get("/api/employees/removed-1?minPosition=" + removedAt, "hr");
        long keptAt = post("/api/employees", "hr", hire("keep-1"));
        get("/api/employees/keep-1?minPosition=" + keptAt, "hr");
        for (int i = 1; i <= 3; i++) {
            post("/api/journal-entries", "accountant", entry("2040-03-1" + i, i + "00.00"));
        }
        long head = head();
        JsonNode trialBalance = get("/api/trial-balance?asOf=2040-12-31&minPosition=" + head, "accountant");
        assertThat(get("/api/employees/removed-1?minPosition=" + head, "hr").get("asOf").get("name").asText())
                .isEqualTo("Removed");
        Map<String, Long> positions = caughtUp(head);
        stop();

        // With the apps down: the stored tokens are where the processors were, and one view document goes away.
        Map<String, Long> storedTokens = new TreeMap<>();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start("localhost", 0, data.toString());
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("kontor");
            for (Document token : database.getCollection(KontorTokenStore.COLLECTION)
                    .find(Filters.exists("processorName"))) {
                String processor = token.getString("processorName");
                // A new processor starts from 0 with a plain token: Axon's pooled default would be a replay token
                // (up to the head at its first claim), kept until the processor handles an event past that head.
                Document tokenBody = token.get("token", Document.class);
                assertThat(tokenBody).as(processor + ": " + token.toJson()).isNotNull().containsKey("globalIndex");
                storedTokens.merge(processor, ((Number) tokenBody.get("globalIndex")).longValue(), Math::min);
            }
            assertThat(database.getCollection("hr_employees").deleteOne(Filters.eq("_id", "removed-1"))
                    .getDeletedCount()).isEqualTo(1);
        }
        // A stored token may lag the position a processor reported by its last batch: delivery is at least once,
        // and the views' position guards make the redelivered tail a no-op. What went before the token stays folded.
        assertThat(positions.keySet()).containsAll(storedTokens.keySet());
        assertThat(storedTokens).containsKey("hr");
        storedTokens.forEach((name, token) -> assertThat(token).as(name).isNotNegative().isLessThanOrEqualTo(head));
        assertThat(storedTokens.get("hr")).as("hr's token is past the removed employee's hire")
                .isGreaterThanOrEqualTo(removedAt);

        start();
        assertThat(head()).as("every event is still in the log").isEqualTo(head);
        JsonNode verify = get("/api/audit/verify", "auditor");
        assertThat(verify.get("verified").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.get("head").asLong()).isEqualTo(head);
        assertThat(get("/api/trial-balance?asOf=2040-12-31&minPosition=" + head, "accountant")).isEqualTo(trialBalance);
        assertThat(caughtUp(head)).as("processors resume at their stored positions").isEqualTo(positions);

        long newPosition = post("/api/employees", "hr", hire("after-1"));
        post("/api/journal-entries", "accountant", entry("2040-04-01", "7.00"));
        long newHead = head();
        assertThat(newPosition).as("the log continues after its old head").isGreaterThan(head);
        assertThat(get("/api/employees/after-1?minPosition=" + newHead, "hr").get("asOf").get("name").asText())
                .isEqualTo("After");
        assertThat(get("/api/employees/keep-1", "hr").get("asOf").get("name").asText()).isEqualTo("Keep");
        Http.Answer removed = Http.as("hr").get(queryUrl + "/api/employees/removed-1");
        assertThat(removed.status()).as("no event before the stored token was folded again: " + removed.body())
                .isEqualTo(404);
        JsonNode after = get("/api/trial-balance?asOf=2040-12-31&minPosition=" + newHead, "accountant");
        assertThat(new BigDecimal(after.get("totals").get("debit").asText()))
                .isEqualByComparingTo(new BigDecimal(trialBalance.get("totals").get("debit").asText()).add(
                        new BigDecimal("7.00")));
        stop();
    }

    private void start() {
        int mongoPort = freePort();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--kontor.mongo.embedded.port=" + mongoPort,
                "--kontor.mongo.embedded.data-dir=" + data,
                "--kontor.mongo.database=kontor",
                "--kontor.query.poll-interval=20ms",
                "--spring.main.banner-mode=off"));
        args.addAll(UserArguments.of(KontorApps.USERS));
        String[] arguments = args.toArray(String[]::new);
        command = CommandSideApplication.builder().run(arguments);
        query = QuerySideApplication.builder().run(arguments);
        commandUrl = "http://localhost:" + port(command);
        queryUrl = "http://localhost:" + port(query);
    }

    private void stop() {
        query.close();
        command.close();
    }

    /** Waits until every streaming processor reached the head, and answers each one's position. */
    private Map<String, Long> caughtUp(long head) {
        EventProcessingConfiguration processing = query.getBean(EventProcessingConfiguration.class);
        Map<String, Long> positions = new TreeMap<>();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            positions.clear();
            processing.eventProcessors().forEach((name, processor) -> {
                if (processor instanceof StreamingEventProcessor streaming) {
                    Map<Integer, EventTrackerStatus> status = streaming.processingStatus();
                    assertThat(status).as(name + " has claimed its segment").isNotEmpty();
                    long position = status.values().stream()
                            .mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
                    positions.put(name, position);
                }
            });
            assertThat(positions).isNotEmpty().allSatisfy((name, position) -> assertThat(position).isEqualTo(head));
        });
        return positions;
    }

    /** Axon's pooled default would start a new processor with a replay token up to the head at its first claim. */
    private void assertNoReplayTokens() {
        query.getBean(EventProcessingConfiguration.class).eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                streaming.processingStatus().values().forEach(status -> {
                    assertThat(status.getTrackingToken()).as(name).isNotInstanceOf(ReplayToken.class);
                    assertThat(status.isReplaying()).as(name).isFalse();
                });
            }
        });
    }

    private long head() {
        return command.getBean(KontorEventStorageEngine.class).headPosition();
    }

    private long post(String path, String user, String body) {
        Http.Answer answer = Http.as(user).post(commandUrl + path, body);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(201);
        return answer.json().get("position").asLong();
    }

    private JsonNode get(String path, String user) {
        Http.Answer answer = Http.as(user).get(queryUrl + path);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static String hire(String id) {
        String name = Character.toUpperCase(id.charAt(0)) + id.substring(1, id.indexOf('-'));
        return """
                {"id":"%s","name":"%s","department":"Restart","role":"Clerk","monthlySalary":"30000.00",
                 "startDate":"2040-01-01"}""".formatted(id, name);
    }

    private static String entry(String date, String amount) {
        return """
                {"date":"%s","description":"restart","lines":[{"account":"1010","debit":"%s"},
                 {"account":"3000","credit":"%s"}]}""".formatted(date, amount, amount);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
