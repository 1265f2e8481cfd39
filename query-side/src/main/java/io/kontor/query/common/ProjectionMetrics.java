package io.kontor.query.common;

import io.kontor.eventlog.KontorEventStorageEngine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Each projection's position and its lag behind the log head ({@code kontor.projection.position},
 * {@code kontor.projection.lag}, tagged by processor), registered once the processors exist.
 */
@Component
class ProjectionMetrics {

    private final EventProcessingConfiguration processing;
    private final ViewPositions positions;
    private final KontorEventStorageEngine engine;
    private final MeterRegistry registry;

    ProjectionMetrics(EventProcessingConfiguration processing, ViewPositions positions, KontorEventStorageEngine engine,
                      MeterRegistry registry) {
        this.processing = processing;
        this.positions = positions;
        this.engine = engine;
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
            }
        });
    }
}
