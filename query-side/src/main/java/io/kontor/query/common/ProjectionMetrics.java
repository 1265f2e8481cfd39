package io.kontor.query.common;

import io.kontor.eventlog.KontorEventStorageEngine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/**
 * Each projection's position, its lag behind the log head and the events per second it applies
 * ({@code kontor.projection.position}, {@code .lag}, {@code .events.rate}, tagged by processor), and the progress of
 * a rebuild ({@code kontor.projection.rebuild.position}, {@code .head}, {@code .rate}, tagged by view; all 0 while
 * no rebuild of that view runs), registered once the processors exist.
 */
@Component
class ProjectionMetrics {

    private final EventProcessingConfiguration processing;
    private final ViewPositions positions;
    private final KontorEventStorageEngine engine;
    private final ProjectionRebuilds rebuilds;
    private final MeterRegistry registry;

    ProjectionMetrics(EventProcessingConfiguration processing, ViewPositions positions, KontorEventStorageEngine engine,
                      ProjectionRebuilds rebuilds, MeterRegistry registry) {
        this.processing = processing;
        this.positions = positions;
        this.engine = engine;
        this.rebuilds = rebuilds;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                Gauge.builder("kontor.projection.position", () -> positions.positionOfProcessor(name))
                        .tag("processor", name).register(registry);
                Gauge.builder("kontor.projection.lag",
                                () -> Math.max(0, engine.headPosition() - positions.positionOfProcessor(name)))
                        .tag("processor", name).register(registry);
                Gauge.builder("kontor.projection.events.rate", new Rate(() -> positions.positionOfProcessor(name)),
                                Rate::perSecond)
                        .description("Events applied per second since the previous reading (positions are dense)")
                        .tag("processor", name).register(registry);
            }
        });
        for (String view : rebuilds.views()) {
            rebuildGauge("kontor.projection.rebuild.position", view, ProjectionRebuilds.Progress::position);
            rebuildGauge("kontor.projection.rebuild.head", view, ProjectionRebuilds.Progress::head);
            rebuildGauge("kontor.projection.rebuild.rate", view, ProjectionRebuilds.Progress::eventsPerSecond);
        }
    }

    private void rebuildGauge(String name, String view, ToDoubleFunction<ProjectionRebuilds.Progress> value) {
        Gauge.builder(name, () -> rebuilds.progress(view).map(value::applyAsDouble).orElse(0.0))
                .tag("view", view).register(registry);
    }

    /**
     * A rate read from a growing position: the change since the previous reading at least a second ago, so each
     * scrape sees the rate over its own interval.
     */
    static final class Rate {
        private final LongSupplier position;
        private long lastNanos = System.nanoTime();
        private long lastPosition = -1;
        private double rate;

        Rate(LongSupplier position) {
            this.position = position;
        }

        synchronized double perSecond() {
            long now = System.nanoTime();
            long current = position.getAsLong();
            if (lastPosition < 0 || current < lastPosition) {
                lastPosition = current;
                lastNanos = now;
            } else if (now - lastNanos >= 1_000_000_000L) {
                rate = (current - lastPosition) / ((now - lastNanos) / 1e9);
                lastPosition = current;
                lastNanos = now;
            }
            return rate;
        }
    }
}
