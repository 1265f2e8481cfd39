package io.kontor.query.common;

import io.kontor.eventlog.tokens.KontorTokenStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The log position each view reflects: its processing group's token position, which also advances over events
 * the group ignores (so a view that never sees an event still catches up to a command's position). Read from the
 * processor in memory while this process works all of the processor's segments, so asking costs nothing. Where
 * other processes work some of them (several query sides sharing a view's segments), the segments worked here
 * are read in memory and the others from the token store, where their processes record how far they got; those
 * stored positions are read at most every {@value #STORED_READ_MILLIS} ms. A process that works every segment reads
 * the token store at most once a second, to learn which segments there are.
 */
@Component
public class ViewPositions {

    private static final long PARK_NANOS = Duration.ofMillis(5).toNanos();
    static final long STORED_READ_MILLIS = 20;
    private static final long STORED_READ_NANOS = Duration.ofMillis(STORED_READ_MILLIS).toNanos();
    private static final long SEGMENTS_NANOS = Duration.ofSeconds(1).toNanos();

    private final EventProcessingConfiguration processing;
    private final KontorTokenStore tokens;
    private final Map<String, Stored> stored = new ConcurrentHashMap<>();

    private record Stored(Map<Integer, Long> positions, long readAt) {
    }

    public ViewPositions(EventProcessingConfiguration processing, TokenStore tokenStore) {
        this.processing = processing;
        this.tokens = tokenStore instanceof KontorTokenStore kontor ? kontor : null;
    }

    /** The position the group's view reflects; 0 before any of its processor's segments has a token. */
    public long position(String processingGroup) {
        return positionOf(processing
                .eventProcessorByProcessingGroup(processingGroup, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("no streaming processor for " + processingGroup)));
    }

    long positionOfProcessor(String processorName) {
        return positionOf(processing.eventProcessor(processorName, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("no streaming processor " + processorName)));
    }

    private long positionOf(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> local = processor.processingStatus();
        // Which segments exist changes rarely: a copy up to a second old tells whether all are worked here.
        Map<Integer, Long> all = tokens == null ? Map.of() : stored(processor.getName(), SEGMENTS_NANOS);
        if (all.isEmpty() || local.keySet().containsAll(all.keySet())) {
            return local.values().stream().mapToLong(s -> s.getCurrentPosition().orElse(0)).min().orElse(0);
        }
        all = stored(processor.getName(), STORED_READ_NANOS);
        return all.entrySet().stream()
                .mapToLong(segment -> {
                    EventTrackerStatus here = local.get(segment.getKey());
                    return here != null ? here.getCurrentPosition().orElse(0) : segment.getValue();
                })
                .min().orElse(0);
    }

    /** The stored positions of the processor's segments, read again when the copy is older than {@code maxAge}. */
    private Map<Integer, Long> stored(String processorName, long maxAge) {
        long now = System.nanoTime();
        Stored copy = stored.get(processorName);
        if (copy == null || now - copy.readAt() >= maxAge) {
            copy = new Stored(tokens.storedPositions(processorName), now);
            stored.put(processorName, copy);
        }
        return copy.positions();
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
