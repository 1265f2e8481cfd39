package io.kontor.query.common;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Reads the log after a position on a thread of its own, deserialising (and upcasting) each event there, and hands
 * it over in chunks through a short bounded queue. A replay then reads the next chunk while it folds and writes the
 * last one, instead of doing one after the other: on a machine with a spare core, a rebuild costs about as long as
 * the slower of the two. The queue bounds memory at {@code depth} chunks. Reads to the head as it stood when the
 * read got there, never waits for new events.
 */
public final class LogReadAhead implements AutoCloseable {

    /** The events of one chunk, in log order, payloads already deserialised. */
    public record Chunk(List<TrackedEventMessage<?>> events) {

        public long lastPosition() {
            return Views.positionOf(events.get(events.size() - 1).trackingToken());
        }
    }

    private static final Chunk END = new Chunk(List.of());

    private final BlockingQueue<Object> queue;
    private final Thread reader;
    private volatile boolean closed;

    /** Starts reading the events after {@code position} (0: from the first event) of {@code engine}. */
    public LogReadAhead(EventStorageEngine engine, long position, int chunkSize, int depth, String name) {
        if (chunkSize < 1 || depth < 1) {
            throw new IllegalArgumentException("chunk size and depth must be positive");
        }
        this.queue = new ArrayBlockingQueue<>(depth);
        this.reader = new Thread(() -> read(engine, position, chunkSize), "read-ahead-" + name);
        this.reader.setDaemon(true);
        this.reader.start();
    }

    private void read(EventStorageEngine engine, long position, int chunkSize) {
        GlobalSequenceTrackingToken from = position == 0 ? null : new GlobalSequenceTrackingToken(position);
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(from, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            List<TrackedEventMessage<?>> chunk = new ArrayList<>(chunkSize);
            while (events.hasNext() && !closed) {
                TrackedEventMessage<?> event = events.next();
                event.getPayload();
                chunk.add(event);
                if (chunk.size() == chunkSize) {
                    hand(new Chunk(chunk));
                    chunk = new ArrayList<>(chunkSize);
                }
            }
            if (!chunk.isEmpty()) {
                hand(new Chunk(chunk));
            }
            hand(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            try {
                hand(e);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void hand(Object item) throws InterruptedException {
        while (!closed) {
            if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    /** The next chunk, or {@code null} at the end of the log; rethrows what failed the read. */
    public Chunk next() throws InterruptedException {
        Object item = queue.take();
        if (item instanceof RuntimeException e) {
            throw e;
        }
        if (item instanceof Error e) {
            throw e;
        }
        if (item == END) {
            // Stays at the end for further calls.
            queue.offer(END);
            return null;
        }
        return (Chunk) item;
    }

    /** Stops the reader; chunks it read ahead are discarded. */
    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        queue.clear();
    }
}
