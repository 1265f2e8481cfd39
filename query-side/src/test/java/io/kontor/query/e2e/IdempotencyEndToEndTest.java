package io.kontor.query.e2e;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyEndToEndTest {

    private final KontorApps apps = KontorApps.get();

    private Http.Answer open(String key, String code, String name) {
        return Http.as("accountant").header("Idempotency-Key", key).post(apps.commandUrl + "/api/accounts",
                "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"type\":\"EXPENSE\"}");
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndAppendsNothing() {
        Http.Answer first = open("retry-1", "7100", "Postage");
        long head = apps.head();

        Http.Answer retry = open("retry-1", "7100", "Postage");

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(apps.head()).isEqualTo(head);
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflict() {
        open("retry-2", "7200", "Cleaning");
        long head = apps.head();

        Http.Answer other = open("retry-2", "7201", "Cleaning");

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(apps.head()).isEqualTo(head);
    }

    @Test
    void aRefusedCommandReleasesItsKey() {
        Http.Answer refused = open("retry-3", "1000", "Cash again");
        assertThat(refused.status()).isEqualTo(409);

        Http.Answer corrected = open("retry-3", "7300", "Flowers");

        assertThat(corrected.status()).isEqualTo(201);
        assertThat(corrected.json().get("id").asText()).isEqualTo("7300");
    }

    @Test
    void concurrentDuplicatesExecuteOnce() throws Exception {
        long head = apps.head();
        int clients = 6;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Http.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Callable<Http.Answer> client = () -> {
                    start.await();
                    return open("race-1", "7400", "Coffee");
                };
                answers.add(pool.submit(client));
            }
            start.countDown();
            for (Future<Http.Answer> answer : answers) {
                assertThat(answer.get().status()).isIn(201, 409);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(apps.head()).isEqualTo(head + 1);
    }
}
