package io.kontor.query.e2e;

import io.kontor.eventlog.KontorEventStorageEngine;
import io.kontor.query.common.ProjectionRebuilds;
import io.kontor.query.common.RebuildableView;
import io.kontor.query.ledger.LedgerGenerations;
import io.kontor.query.ledger.LedgerStore;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild held at its first batch (a stand-in generation for the ledger's processing group): while it runs it
 * shows its progress and refuses a second rebuild; when it fails, its generation is dropped and the live ledger,
 * its processor included, is as it was.
 */
class RebuildFailureEndToEndTest {

    private final KontorApps apps = KontorApps.get();

    @Test
    void aSecondRebuildIsRefusedWhileOneRunsAndAFailedRebuildLeavesTheLiveViewUntouched() throws Exception {
        assertThat(apps.head()).isGreaterThan(1);
        CountDownLatch inFirstBatch = new CountDownLatch(1);
        CountDownLatch fail = new CountDownLatch(1);
        AtomicBoolean dropped = new AtomicBoolean();
        AtomicBoolean wentLive = new AtomicBoolean();
        RebuildableView failing = new RebuildableView() {
            @Override
            public String name() {
                return "ledger";
            }

            @Override
            public Generation nextGeneration() {
                return new Generation() {
                    @Override
                    public long number() {
                        return 99;
                    }

                    @Override
                    public Batch batch() {
                        return new Batch() {
                            @Override
                            public void add(TrackedEventMessage<?> event) {
                            }

                            @Override
                            public void flush() {
                                inFirstBatch.countDown();
                                try {
                                    fail.await(1, TimeUnit.MINUTES);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                throw new IllegalStateException("the disk is full");
                            }
                        };
                    }

                    @Override
                    public Runnable goLive() {
                        wentLive.set(true);
                        return () -> { };
                    }

                    @Override
                    public void drop() {
                        dropped.set(true);
                    }
                };
            }
        };
        EventProcessingConfiguration processing = apps.query.getBean(EventProcessingConfiguration.class);
        ProjectionRebuilds rebuilds = new ProjectionRebuilds(List.of(failing), processing,
                apps.query.getBean(KontorEventStorageEngine.class), 1, Duration.ZERO);
        LedgerStore live = apps.query.getBean(LedgerGenerations.class).get();
        StreamingEventProcessor processor = processing
                .eventProcessorByProcessingGroup("ledger", StreamingEventProcessor.class).orElseThrow();

        assertThatThrownBy(() -> rebuilds.start("nosuchview"))
                .isInstanceOfSatisfying(KontorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        ProjectionRebuilds.Progress started = rebuilds.start("ledger");
        assertThat(started.generation()).isEqualTo(99);
        assertThat(inFirstBatch.await(1, TimeUnit.MINUTES)).isTrue();

        ProjectionRebuilds.Progress running = rebuilds.progress("ledger").orElseThrow();
        assertThat(running.phase()).isEqualTo("REPLAYING");
        assertThat(running.head()).isGreaterThanOrEqualTo(running.position());
        assertThatThrownBy(() -> rebuilds.start("ledger"))
                .isInstanceOfSatisfying(KontorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));

        fail.countDown();
        await().atMost(Duration.ofMinutes(1)).until(() -> rebuilds.progress("ledger").isEmpty());
        assertThat(dropped).isTrue();
        assertThat(wentLive).isFalse();
        assertThat(apps.query.getBean(LedgerGenerations.class).get()).isSameAs(live);
        assertThat(processor.isRunning()).isTrue();
    }
}
