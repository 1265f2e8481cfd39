package io.kontor.query.common;

import io.kontor.eventlog.KontorEventStorageEngine;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import java.util.stream.Collectors;

/**
 * Zero-downtime rebuilds: a view is replayed from position 0 into a fresh generation beside the live one while
 * queries keep reading the live one. Within a batch of the head, the view's processor is stopped, the rebuild
 * finishes to the now fixed head, the new generation goes live (recorded, then swapped in memory), the processor's
 * token is reset to that position and the processor restarts on the new generation; the old one is dropped after a
 * short grace period for reads in flight. A failed rebuild drops its generation and leaves the live view as it was.
 * One rebuild at a time.
 */
@Component
public class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final long LOG_EVERY_NANOS = Duration.ofSeconds(1).toNanos();
    /** Chunks read ahead beyond what one write stages: enough to keep the reader busy, little memory. */
    private static final int READ_AHEAD_CHUNKS = 4;

    private final Map<String, RebuildableView> views;
    private final EventProcessingConfiguration processing;
    private final KontorEventStorageEngine engine;
    private final int batchSize;
    private final Duration dropGrace;
    private final AtomicReference<Running> running = new AtomicReference<>();

    @Autowired
    public ProjectionRebuilds(List<RebuildableView> views, CollectionViews collectionViews,
                              EventProcessingConfiguration processing, KontorEventStorageEngine engine,
                              @Value("${kontor.query.rebuild.batch-size:1000}") int batchSize,
                              @Value("${kontor.query.rebuild.drop-grace:2s}") Duration dropGrace) {
        this(Stream.concat(views.stream(), collectionViews.all().stream()).toList(), processing, engine, batchSize,
                dropGrace);
    }

    public ProjectionRebuilds(List<RebuildableView> views, EventProcessingConfiguration processing,
                              KontorEventStorageEngine engine,
                              @Value("${kontor.query.rebuild.batch-size:1000}") int batchSize,
                              @Value("${kontor.query.rebuild.drop-grace:2s}") Duration dropGrace) {
        this.views = views.stream().collect(Collectors.toMap(RebuildableView::name, Function.identity()));
        this.processing = processing;
        this.engine = engine;
        this.batchSize = batchSize;
        this.dropGrace = dropGrace;
    }

    /** A rebuild's progress: log positions applied and the head, the rate in events per second, the time left. */
    public record Progress(String view, long generation, String phase, long position, long head, long events,
                           double eventsPerSecond, Long etaSeconds) {
    }

    /** The outcome of the last rebuild of a view, for the status page. */
    private static final class Running {
        final String view;
        final long generation;
        final long started = System.nanoTime();
        volatile String phase = "REPLAYING";
        volatile long position;
        volatile long head;
        volatile long events;

        Running(String view, long generation) {
            this.view = view;
            this.generation = generation;
        }

        Progress progress() {
            double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            double rate = events / seconds;
            double positionsPerSecond = position / seconds;
            Long eta = positionsPerSecond > 0 ? Math.round(Math.max(0, head - position) / positionsPerSecond) : null;
            return new Progress(view, generation, phase, position, head, events, Math.round(rate * 10) / 10.0, eta);
        }
    }

    /** The names of the views that can be rebuilt. */
    public Set<String> views() {
        return Set.copyOf(views.keySet());
    }

    public boolean knows(String view) {
        return views.containsKey(view);
    }

    /** The running rebuild of {@code view}, if any. */
    public Optional<Progress> progress(String view) {
        Running now = running.get();
        return now != null && now.view.equals(view) ? Optional.of(now.progress()) : Optional.empty();
    }

    /** Starts rebuilding {@code view} on a background thread; 404 for an unknown view, 409 while one runs. */
    public Progress start(String name) {
        RebuildableView view = views.get(name);
        if (view == null) {
            throw new KontorException(ErrorCode.NOT_FOUND, "no rebuildable view " + name);
        }
        StreamingEventProcessor processor = processing
                .eventProcessorByProcessingGroup(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new KontorException(ErrorCode.NOT_FOUND, "no streaming processor for " + name));
        if (!processor.supportsReset()) {
            throw new KontorException(ErrorCode.CONFLICT, "the processor of " + name + " cannot be reset");
        }
        int segments = processing.tokenStore(processor.getName()).fetchSegments(processor.getName()).length;
        if (processor.processingStatus().size() < segments) {
            // Another process works some of the view's segments: it would go on writing the old generation past the
            // swap, and the reset could not claim its tokens. The rebuild runs where the whole view is processed.
            throw new KontorException(ErrorCode.CONFLICT, "this process works " + processor.processingStatus().size()
                    + " of the " + segments + " segments of " + name + "; rebuild it where all are worked");
        }
        Running claim = new Running(name, -1);
        if (!running.compareAndSet(null, claim)) {
            throw new KontorException(ErrorCode.CONFLICT, "a rebuild of " + running.get().view + " is running");
        }
        RebuildableView.Generation target;
        Running run;
        try {
            target = view.nextGeneration();
            run = new Running(name, target.number());
            run.head = engine.headPosition();
            running.set(run);
        } catch (RuntimeException e) {
            running.set(null);
            throw e;
        }
        Thread thread = new Thread(() -> rebuild(run, target, processor), "rebuild-" + name);
        thread.setDaemon(true);
        thread.start();
        return run.progress();
    }

    private void rebuild(Running run, RebuildableView.Generation target, StreamingEventProcessor processor) {
        boolean stopped = false;
        boolean wentLive = false;
        try {
            log.info("Rebuild of {} into generation {} started (head {})", run.view, run.generation, run.head);
            catchUp(run, target, engine, engine::headPosition, batchSize, true);
            run.phase = "SWAPPING";
            processor.shutdownAsync().get(1, TimeUnit.MINUTES);
            stopped = true;
            catchUp(run, target, engine, engine::headPosition, batchSize, false);
            Runnable dropOld = target.goLive();
            wentLive = true;
            // From here the new generation is live; a crash before the reset only redelivers events it has applied.
            processor.resetTokens(new GlobalSequenceTrackingToken(run.position));
            processor.start();
            stopped = false;
            log.info("Rebuild of {} done: generation {} is live at position {} ({} events in {}s)", run.view,
                    run.generation, run.position, run.events,
                    Duration.ofNanos(System.nanoTime() - run.started).toSeconds());
            running.set(null);
            LockSupport.parkNanos(dropGrace.toNanos());
            dropOld.run();
        } catch (Exception e) {
            log.error("Rebuild of {} into generation {} failed at position {}; the live view is unchanged", run.view,
                    run.generation, run.position, e);
            if (!wentLive) {
                safely(target::drop);
            }
            if (stopped) {
                safely(processor::start);
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            running.compareAndSet(run, null);
        }
    }

    private static void safely(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.error("Cleaning up after a failed rebuild failed", e);
        }
    }

    /**
     * Replays the whole log into {@code target} outside any processor, the way a rebuild does; answers how many
     * events it applied. For tests and the ledger benchmark, which measure this very path.
     */
    public static long replay(EventStorageEngine engine, String view, RebuildableView.Generation target,
                              int chunkSize) throws InterruptedException {
        Running run = new Running(view, target.number());
        LongSupplier head = engine instanceof KontorEventStorageEngine kontor ? kontor::headPosition : () -> run.position;
        catchUp(run, target, engine, head, chunkSize, false);
        return run.events;
    }

    /**
     * Applies the log after the run's position to the target, read ahead in chunks on another thread
     * ({@link LogReadAhead}) and written whenever the target has staged {@link RebuildableView.Generation#eventsPerWrite()}
     * events, and once more at the end. While {@code untilNearHead}, stops as soon as the head is within a chunk;
     * otherwise reads to the end of the log (the processor is stopped, the head fixed as far as this view is
     * concerned). Nothing of a generation being rebuilt is read before it goes live, so staging many events
     * before a write loses nothing: a failed rebuild drops the whole generation.
     */
    private static void catchUp(Running run, RebuildableView.Generation target, EventStorageEngine engine,
                                LongSupplier head, int chunkSize, boolean untilNearHead) throws InterruptedException {
        long lastLog = System.nanoTime();
        int eventsPerWrite = Math.max(chunkSize, target.eventsPerWrite());
        RebuildableView.Batch batch = target.batch();
        int staged = 0;
        // Room for a whole write's worth of chunks and a few more: the reader keeps reading while a write runs.
        int depth = eventsPerWrite / chunkSize + READ_AHEAD_CHUNKS;
        try (LogReadAhead reader = new LogReadAhead(engine, run.position, chunkSize, depth, run.view)) {
            while (true) {
                run.head = Math.max(head.getAsLong(), run.position);
                if (untilNearHead && run.head - run.position <= chunkSize) {
                    break;
                }
                LogReadAhead.Chunk chunk = reader.next();
                if (chunk == null) {
                    break;
                }
                for (TrackedEventMessage<?> event : chunk.events()) {
                    batch.add(event);
                }
                staged += chunk.events().size();
                run.position = chunk.lastPosition();
                run.events += chunk.events().size();
                if (staged >= eventsPerWrite) {
                    batch.flush();
                    batch = target.batch();
                    staged = 0;
                }
                if (System.nanoTime() - lastLog >= LOG_EVERY_NANOS) {
                    lastLog = System.nanoTime();
                    Progress p = run.progress();
                    log.info("Rebuild of {}: position {} of {}, {} events/s, ETA {}s", p.view(), p.position(),
                            p.head(), p.eventsPerSecond(), p.etaSeconds());
                }
            }
        }
        batch.flush();
        target.complete();
        run.head = Math.max(run.head, run.position);
    }
}
