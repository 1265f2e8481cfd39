package io.kontor.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.command.CommandSideApplication;
import io.kontor.eventlog.KontorEventStorageEngine;
import io.kontor.eventlog.testing.TestMongo;
import io.kontor.query.QuerySideApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both apps, started once per test JVM on random ports, sharing one fresh database on TestMongo (the in-memory
 * server, or {@code KONTOR_TEST_MONGO_URI}'s real MongoDB): the command side as the writer, the query side reading
 * the log like in production. Users get cheap bcrypt hashes so that starting is fast.
 */
final class KontorApps {

    /** accountant2 is the checker for accountant's purchase orders (maker-checker). */
    static final Map<String, String> USERS = Map.of(
            "accountant", "ACCOUNTANT", "accountant2", "ACCOUNTANT", "frontdesk", "FRONT_DESK", "auditor", "AUDITOR",
            "storekeeper", "STOREKEEPER", "hr", "HR", "admin", "ADMIN",
            // A role no endpoint names: every endpoint must refuse it (HostileInputEndToEndTest).
            "visitor", "VISITOR", "itsupport", "IT_SUPPORT");

    private static KontorApps instance;
    private static RuntimeException failedToStart;

    final ConfigurableApplicationContext command;
    final ConfigurableApplicationContext query;
    final String commandUrl;
    final String queryUrl;

    private KontorApps() {
        String database = "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--kontor.mongo.uri=" + TestMongo.connectionString(),
                "--kontor.mongo.database=" + database,
                "--kontor.query.poll-interval=20ms",
                // Items load from snapshots in the tests too, not only after a hundred movements.
                "--kontor.inventory.item-snapshot-threshold=3",
                // Employees and the registry too.
                "--kontor.hr.snapshot-threshold=3",
                // Resources too: the race and the bookings load a resource from its snapshot.
                "--kontor.reservations.snapshot-threshold=3",
                "--spring.main.banner-mode=off",
                // The JVM ends with live-screen streams still open; a graceful shutdown would wait out its 30 s
                // for them (a known limit of LiveScreens, see its stop()), holding up the build for nothing.
                "--server.shutdown=immediate"));
        args.addAll(UserArguments.of(USERS));
        String[] arguments = args.toArray(String[]::new);
        command = CommandSideApplication.builder().run(arguments);
        query = QuerySideApplication.builder().run(arguments);
        commandUrl = "http://localhost:" + port(command);
        queryUrl = "http://localhost:" + port(query);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            query.close();
            command.close();
        }));
    }

    static synchronized KontorApps get() {
        if (failedToStart != null) {
            throw new IllegalStateException("the apps failed to start earlier", failedToStart);
        }
        if (instance == null) {
            try {
                instance = new KontorApps();
            } catch (RuntimeException e) {
                failedToStart = e;
                throw e;
            }
        }
        return instance;
    }

    /**
     * Posts a command that must be refused: a problem+json answer with this status and code (and field and rule
     * when given), no stack trace, and nothing appended to the log.
     */
    void assertRefused(String label, String user, String path, String body, int status, String code, String field,
                       String rule) {
        long before = head();

        Http.Answer answer = Http.as(user).post(commandUrl + path, body);

        assertThat(answer.status()).as(label + ": " + answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("code").asText()).as(label).isEqualTo(code);
        if (field != null) {
            assertThat(problem.path("field").asText()).as(label).isEqualTo(field);
        }
        if (rule != null) {
            assertThat(problem.path("rule").asText()).as(label).isEqualTo(rule);
        }
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(head()).as(label + ": nothing appended").isEqualTo(before);
    }

    /** Posts a command that must be accepted as {@code 201 Created}; answers the log position it appended at. */
    long created(String user, String path, String body) {
        return command(user, path, body, 201);
    }

    /** Posts a command on an existing thing that must be accepted as {@code 200}; answers its log position. */
    long acted(String user, String path, String body) {
        return command(user, path, body, 200);
    }

    /** Sends a command that must answer {@code status}; answers the position it reports. */
    long command(String user, String path, String body, int status) {
        Http.Answer answer = Http.as(user).post(commandUrl + path, body);
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(status);
        return answer.json().get("position").asLong();
    }

    /** A query that must answer 200 once its view has reached {@code minPosition}. */
    JsonNode read(String user, String path, long minPosition) {
        String separator = path.contains("?") ? "&" : "?";
        Http.Answer answer = Http.as(user).get(queryUrl + path + separator + "minPosition=" + minPosition);
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    long head() {
        return command.getBean(KontorEventStorageEngine.class).headPosition();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
