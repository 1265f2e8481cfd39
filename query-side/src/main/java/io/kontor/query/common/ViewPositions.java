package io.kontor.query.common;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The log position each view reflects: its processing group's token position, which also advances over events
 * the group ignores (so a view that never sees an event still catches up to a command's position). Read from the
 * processor in memory, so asking costs nothing.
 */
@Component
public class ViewPositions {

    private static final long PARK_NANOS = Duration.ofMillis(5).toNanos();

    private final EventProcessingConfiguration processing;

    public ViewPositions(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** The position the group's view reflects; 0 before its processor has claimed its segments. */
    public long position(String processingGroup) {
        return positionOf(processing
                .eventProcessorByProcessingGroup(processingGroup, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("no streaming processor for " + processingGroup)));
    }

    long positionOfProcessor(String processorName) {
        return positionOf(processing.eventProcessor(processorName, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("no streaming processor " + processorName)));
    }

    private static long positionOf(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return 0;
        }
        return status.values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(0))
                .min().orElse(0);
    }

    /**
     * Waits until the view reflects {@code minPosition} or {@code timeout} has passed; answers whether it does.
     * Parks briefly between looks: the wait is bounded and cheap, and needs no hook into the processor.
     */
    public boolean await(String processingGroup, long minPosition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (position(processingGroup) < minPosition) {
            if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(PARK_NANOS);
        }
        return true;
    }
}
