package io.kontor.command.web;

import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.testing.TestMongo;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IdempotencyStoreTest {

    private MongoDatabase database;
    private IdempotencyStore store;

    @BeforeEach
    void setUp() {
        database = TestMongo.freshDatabase();
        store = new IdempotencyStore(database);
    }

    @Test
    void theFirstRequestOwnsTheKey() {
        IdempotencyStore.Claim claim = store.claim("accountant", "k1", "body-a");
        assertThat(claim.replay()).isNull();
    }

    @Test
    void aCompletedKeyReplaysTheFirstAnswer() {
        IdempotencyStore.Claim claim = store.claim("accountant", "k1", "body-a");
        store.complete(claim, 201, new CommandAnswer("1000", 42));

        IdempotencyStore.Claim retry = store.claim("accountant", "k1", "body-a");

        assertThat(retry.replay()).isEqualTo(new IdempotencyStore.StoredAnswer(201, "1000", 42));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        store.complete(store.claim("accountant", "k1", "body-a"), 201, new CommandAnswer("1000", 42));

        KontorException e = catchThrowableOfType(KontorException.class,
                () -> store.claim("accountant", "k1", "body-b"));

        assertThat(e.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
    }

    @Test
    void aKeyStillRunningIsRefused() {
        store.claim("accountant", "k1", "body-a");

        KontorException e = catchThrowableOfType(KontorException.class,
                () -> store.claim("accountant", "k1", "body-a"));

        assertThat(e.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
    }

    @Test
    void aReleasedKeyCanBeUsedAgain() {
        store.release(store.claim("accountant", "k1", "body-a"));

        assertThat(store.claim("accountant", "k1", "body-b").replay()).isNull();
    }

    @Test
    void keysBelongToTheirUser() {
        store.complete(store.claim("accountant", "k1", "body-a"), 201, new CommandAnswer("1000", 42));

        assertThat(store.claim("auditor", "k1", "body-b").replay()).isNull();
    }

    @Test
    void anAbandonedClaimIsTakenOver() {
        Instant start = Instant.parse("2026-11-27T01:00:00Z");
        new IdempotencyStore(database, Clock.fixed(start, ZoneOffset.UTC)).claim("accountant", "k1", "body-a");
        IdempotencyStore later = new IdempotencyStore(database,
                Clock.fixed(start.plus(IdempotencyStore.ABANDONED_AFTER).plusSeconds(1), ZoneOffset.UTC));

        assertThat(later.claim("accountant", "k1", "body-a").replay()).isNull();
    }

    @Test
    void ofConcurrentClaimsExactlyOneWins() throws Exception {
        int contenders = 8;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                Callable<Boolean> contender = () -> {
                    start.await();
                    try {
                        return store.claim("accountant", "race", "body-a").replay() == null;
                    } catch (KontorException e) {
                        return false;
                    }
                };
                outcomes.add(pool.submit(contender));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> outcome : outcomes) {
                winners += outcome.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
