package io.kontor.query.common;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The processors' view of the event store, with streams that say when events arrive. Axon's pooled streaming
 * processor looks at a stream again after 500 ms when the stream cannot call back on new events, and the embedded
 * event store's streams cannot: a view then showed an event a quarter of a second after it was read, on average,
 * however idle the machine. Each stream opened here is read ahead by a thread of its own into a bounded queue, and
 * every event put there calls the processor's availability callback, so the processor handles it at once. The
 * read-ahead is bounded ({@value #CAPACITY} events); tokens, positions and order are the underlying stream's.
 */
public final class PrefetchingMessageSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    static final int CAPACITY = 2048;
    private static final AtomicInteger STREAMS = new AtomicInteger();

    private final StreamableMessageSource<TrackedEventMessage<?>> delegate;

    public PrefetchingMessageSource(StreamableMessageSource<TrackedEventMessage<?>> delegate) {
        this.delegate = delegate;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new PrefetchingStream(delegate.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }

    /**
     * One consumer (the processor's coordinator) takes from the queue; one reader thread fills it. A failure of the
     * underlying stream is handed to the consumer on its next call.
     */
    static final class PrefetchingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> underlying;
        private final BlockingQueue<TrackedEventMessage<?>> queue = new ArrayBlockingQueue<>(CAPACITY);
        private final Thread reader;
        private volatile Runnable onAvailable = () -> {
        };
        private volatile RuntimeException failure;
        private volatile boolean closed;
        private TrackedEventMessage<?> next;

        PrefetchingStream(BlockingStream<TrackedEventMessage<?>> underlying) {
            this.underlying = underlying;
            this.reader = new Thread(this::readAhead, "kontor-stream-" + STREAMS.incrementAndGet());
            reader.setDaemon(true);
            reader.start();
        }

        private void readAhead() {
            try {
                while (!closed) {
                    queue.put(underlying.nextAvailable());
                    onAvailable.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                // Handed to the processor, which closes this stream and opens another from its last token.
                if (!closed) {
                    failure = e instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException("reading the event stream failed", e);
                    onAvailable.run();
                }
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            onAvailable = callback;
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            if (next == null) {
                next = queue.poll();
            }
            if (next == null) {
                rethrowFailure();
            }
            return Optional.ofNullable(next);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (next == null) {
                next = queue.poll(timeout, unit);
            }
            if (next == null) {
                rethrowFailure();
            }
            return next != null;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (next == null) {
                next = queue.poll();
                if (next == null) {
                    // Events read before a failure are handed out first; the reader puts nothing after it.
                    rethrowFailure();
                    next = queue.poll(100, TimeUnit.MILLISECONDS);
                }
            }
            TrackedEventMessage<?> message = next;
            next = null;
            return message;
        }

        private void rethrowFailure() {
            RuntimeException failed = failure;
            if (failed != null) {
                throw failed;
            }
        }

        @Override
        public void close() {
            closed = true;
            reader.interrupt();
            underlying.close();
        }
    }
}
