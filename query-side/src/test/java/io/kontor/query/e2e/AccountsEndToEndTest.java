package io.kontor.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart of accounts through both apps over HTTP, as a client sees it. */
class AccountsEndToEndTest {

    private final KontorApps apps = KontorApps.get();

    @Test
    void anOpenedAccountCanBeReadAtThePositionItsCommandAnswered() {
        Http.Answer opened = Http.as("accountant").post(apps.commandUrl + "/api/accounts",
                "{\"code\":\"4100\",\"name\":\"Room revenue\",\"type\":\"REVENUE\"}");

        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.json().get("id").asText()).isEqualTo("4100");
        long position = opened.json().get("position").asLong();
        assertThat(position).isEqualTo(apps.head());

        Http.Answer read = Http.as("auditor").get(apps.queryUrl + "/api/accounts/4100?minPosition=" + position);

        assertThat(read.status()).isEqualTo(200);
        assertThat(Long.parseLong(read.header("X-Kontor-Position"))).isGreaterThanOrEqualTo(position);
        assertThat(read.json().get("name").asText()).isEqualTo("Room revenue");
        assertThat(read.json().get("type").asText()).isEqualTo("REVENUE");
        assertThat(read.json().get("currency").asText()).isEqualTo("DKK");
    }

    @Test
    void theMinimumPositionMayAlsoComeAsAHeader() {
        Http.Answer opened = Http.as("accountant").post(apps.commandUrl + "/api/accounts",
                "{\"code\":\"4200\",\"name\":\"Conference revenue\",\"type\":\"REVENUE\",\"currency\":\"EUR\"}");
        long position = opened.json().get("position").asLong();

        Http.Answer list = Http.as("accountant").header("X-Kontor-Min-Position", Long.toString(position))
                .get(apps.queryUrl + "/api/accounts");

        assertThat(list.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        list.json().forEach(a -> codes.add(a.get("code").asText()));
        assertThat(codes).contains("1000", "6900", "4200").isSorted();
    }

    @Test
    void concurrentCommandsEachGetTheirOwnPosition() throws Exception {
        long head = apps.head();
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Http.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String code = Integer.toString(8100 + i);
                Callable<Http.Answer> client = () -> {
                    start.await();
                    return Http.as("accountant").post(apps.commandUrl + "/api/accounts",
                            "{\"code\":\"" + code + "\",\"name\":\"Branch " + code + "\",\"type\":\"ASSET\"}");
                };
                answers.add(pool.submit(client));
            }
            start.countDown();
            Set<Long> positions = new TreeSet<>();
            for (Future<Http.Answer> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(201);
                positions.add(answer.get().json().get("position").asLong());
            }
            assertThat(positions).hasSize(clients).allMatch(p -> p > head && p <= head + clients);
        } finally {
            pool.shutdownNow();
        }
        assertThat(apps.head()).isEqualTo(head + clients);
    }

    @Test
    void ofConcurrentOpeningsOfOneCodeExactlyOneSucceeds() throws Exception {
        long head = apps.head();
        int clients = 6;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Http.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Callable<Http.Answer> client = () -> {
                    start.await();
                    return Http.as("accountant").post(apps.commandUrl + "/api/accounts",
                            "{\"code\":\"8200\",\"name\":\"Contested\",\"type\":\"ASSET\"}");
                };
                answers.add(pool.submit(client));
            }
            start.countDown();
            int created = 0;
            for (Future<Http.Answer> answer : answers) {
                Http.Answer a = answer.get();
                if (a.status() == 201) {
                    created++;
                } else {
                    assertThat(a.status()).isEqualTo(409);
                    assertThat(a.json().get("code").asText()).isIn("DUPLICATE", "CONCURRENT_MODIFICATION");
                }
            }
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(apps.head()).isEqualTo(head + 1);
    }

    @Test
    void everyEventRecordsTheActingUserAndTheCorrelationId() {
        Http.as("accountant").header("X-Correlation-Id", "tour-42").post(apps.commandUrl + "/api/accounts",
                "{\"code\":\"4300\",\"name\":\"Parking\",\"type\":\"REVENUE\"}");

        DomainEventMessage<?> event = apps.command.getBean(EventStorageEngine.class).readEvents("4300").next();

        assertThat(event.getMetaData()).containsEntry("user", "accountant").containsEntry("correlationId", "tour-42");
    }

    @Test
    void aViewThatCannotReachThePositionAnswers503WithRetryAfter() {
        long unreachable = apps.head() + 1_000_000;

        Http.Answer read = Http.as("accountant").get(apps.queryUrl + "/api/accounts?minPosition=" + unreachable);

        assertThat(read.status()).isEqualTo(503);
        assertThat(read.header("Retry-After")).isNotBlank();
        assertThat(read.header("Content-Type")).startsWith("application/problem+json");
        assertThat(read.json().get("code").asText()).isEqualTo("VIEW_NOT_CAUGHT_UP");
    }

    @Test
    void aMinimumPositionThatIsNoNumberIsABadRequest() {
        Http.Answer read = Http.as("accountant").get(apps.queryUrl + "/api/accounts?minPosition=soon");

        assertThat(read.status()).isEqualTo(400);
        assertThat(read.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(read.json().get("field").asText()).isEqualTo("minPosition");
    }

    @Test
    void anUnknownAccountIsNotFound() {
        Http.Answer read = Http.as("accountant").get(apps.queryUrl + "/api/accounts/9999");

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.json().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(read.header("X-Kontor-Position")).isNotBlank();
    }

    @Test
    void readingAccountsNeedsALedgerRole() {
        Http.Answer read = Http.as("frontdesk").get(apps.queryUrl + "/api/accounts");

        assertThat(read.status()).isEqualTo(403);
        assertThat(read.json().get("code").asText()).isEqualTo("FORBIDDEN");
    }

    @Test
    void healthMetricsAndApiDocsAreOpenOnBothSides() {
        for (String base : List.of(apps.commandUrl, apps.queryUrl)) {
            assertThat(Http.anonymous().get(base + "/actuator/health").status()).isEqualTo(200);
            assertThat(Http.anonymous().get(base + "/actuator/health/readiness").status()).isEqualTo(200);
            assertThat(Http.anonymous().get(base + "/v3/api-docs").status()).isEqualTo(200);
            Http.Answer metrics = Http.anonymous().get(base + "/actuator/prometheus");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        }
        assertThat(Http.anonymous().get(apps.queryUrl + "/actuator/prometheus").body())
                .contains("kontor_projection_lag{").contains("kontor_projection_position{");
        assertThat(Http.anonymous().get(apps.commandUrl + "/actuator/prometheus").body())
                .contains("commandBus_allTimer_seconds_count{");
        JsonNode docs = Http.anonymous().get(apps.commandUrl + "/v3/api-docs").json();
        assertThat(docs.get("paths").has("/api/accounts")).isTrue();
        assertThat(docs.get("paths").get("/api/accounts").get("post").get("parameters").toString())
                .contains("Idempotency-Key");
        assertThat(Http.anonymous().get(apps.queryUrl + "/v3/api-docs").json().get("paths").get("/api/accounts")
                .get("get").get("parameters").toString()).contains("minPosition");
    }
}
