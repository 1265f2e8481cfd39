package io.kontor.command.common;

import org.axonframework.common.Registration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.lifecycle.Lifecycle;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.common.stream.BlockingStream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The command side's event store: another store's, with the aggregates' streams kept in memory once read, so that
 * loading an aggregate again asks the log only for the events after the last one kept. That is one round trip that
 * usually finds nothing, where a load otherwise looks for a snapshot and then reads, decodes and deserializes the
 * whole stream. Every load still asks the log, so events another process appended are read exactly as without the
 * cache, and a command on a stale aggregate is impossible by construction, not merely refused at append.
 * <p>
 * What is kept is shared between loads, so only immutable messages are: a stream is kept only if every payload is a
 * record (Kontor's events are records with copied lists). A stream that starts with a snapshot is never kept, since
 * the snapshot's payload is the aggregate itself, which the load goes on to change; after storing a snapshot the
 * aggregate's kept stream is dropped, so its next load starts from the snapshot. A stream longer than
 * {@code maxStreamEvents} is not kept (such an aggregate should snapshot), and the least recently loaded streams go
 * once more than {@code maxEvents} events are kept. Appends go to the other store untouched: the next load reads
 * them as the tail.
 */
public final class StreamCachingEventStore implements EventStore, Lifecycle {

    /** Events kept over all streams unless {@code kontor.command.stream-cache.max-events} says otherwise. */
    public static final int DEFAULT_MAX_EVENTS = 50_000;
    /** The longest stream kept unless {@code kontor.command.stream-cache.max-stream-events} says otherwise. */
    public static final int DEFAULT_MAX_STREAM_EVENTS = 1_000;

    private final EventStore delegate;
    private final int maxEvents;
    private final int maxStreamEvents;
    /** Aggregate identifier to its stream as last read, least recently loaded first. Guarded by {@code this}. */
    private final LinkedHashMap<String, List<DomainEventMessage<?>>> streams = new LinkedHashMap<>(256, 0.75f, true);
    private long keptEvents;

    public StreamCachingEventStore(EventStore delegate, int maxEvents, int maxStreamEvents) {
        if (maxEvents < 0 || maxStreamEvents < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
        this.delegate = delegate;
        this.maxEvents = maxEvents;
        this.maxStreamEvents = maxStreamEvents;
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        List<DomainEventMessage<?>> kept = kept(aggregateIdentifier);
        if (kept == null) {
            return new RecordingStream(aggregateIdentifier, delegate.readEvents(aggregateIdentifier));
        }
        long next = kept.get(kept.size() - 1).getSequenceNumber() + 1;
        DomainEventStream tail = delegate.readEvents(aggregateIdentifier, next);
        if (!tail.hasNext()) {
            return DomainEventStream.of(kept);
        }
        List<DomainEventMessage<?>> stream = new ArrayList<>(kept.size() + 4);
        stream.addAll(kept);
        while (tail.hasNext()) {
            DomainEventMessage<?> event = tail.next();
            if (event.getSequenceNumber() != next++) {
                // Not the tail of what is kept (nothing Kontor's log can produce): read the stream as a whole.
                forget(aggregateIdentifier);
                return new RecordingStream(aggregateIdentifier, delegate.readEvents(aggregateIdentifier));
            }
            stream.add(event);
        }
        keepWhenCommitted(aggregateIdentifier, stream);
        return DomainEventStream.of(stream);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
        forget(snapshot.getAggregateIdentifier());
    }

    /** How many events are kept, over all streams (the gauge {@code kontor.command.stream.cache.events}). */
    public synchronized long keptEvents() {
        return keptEvents;
    }

    private synchronized List<DomainEventMessage<?>> kept(String aggregateIdentifier) {
        return streams.get(aggregateIdentifier);
    }

    private synchronized void forget(String aggregateIdentifier) {
        List<DomainEventMessage<?>> gone = streams.remove(aggregateIdentifier);
        if (gone != null) {
            keptEvents -= gone.size();
        }
    }

    /**
     * Inside a unit of work, Axon's store adds the events that unit of work has staged but not yet appended to what
     * it reads: the stream is kept only once the unit of work has committed, so a rolled-back event is never kept.
     */
    private void keepWhenCommitted(String aggregateIdentifier, List<DomainEventMessage<?>> stream) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> keep(aggregateIdentifier, stream));
        } else {
            keep(aggregateIdentifier, stream);
        }
    }

    private void keep(String aggregateIdentifier, List<DomainEventMessage<?>> stream) {
        if (stream.isEmpty() || stream.size() > maxStreamEvents || !stream.stream().allMatch(
                event -> event.getPayloadType().isRecord())) {
            forget(aggregateIdentifier);
            return;
        }
        List<DomainEventMessage<?>> copy = List.copyOf(stream);
        synchronized (this) {
            List<DomainEventMessage<?>> before = streams.get(aggregateIdentifier);
            if (before != null && before.size() > copy.size()) {
                // A concurrent reader (outside the aggregate's lock) kept more already.
                return;
            }
            streams.put(aggregateIdentifier, copy);
            keptEvents += copy.size() - (before == null ? 0 : before.size());
            Iterator<Map.Entry<String, List<DomainEventMessage<?>>>> oldest = streams.entrySet().iterator();
            while (keptEvents > maxEvents && oldest.hasNext()) {
                keptEvents -= oldest.next().getValue().size();
                oldest.remove();
            }
        }
    }

    /** The store's stream, recorded as it is read; kept when read to its end. */
    private final class RecordingStream implements DomainEventStream {
        private final String aggregateIdentifier;
        private final DomainEventStream underlying;
        private final List<DomainEventMessage<?>> read = new ArrayList<>();
        private boolean done;

        RecordingStream(String aggregateIdentifier, DomainEventStream underlying) {
            this.aggregateIdentifier = aggregateIdentifier;
            this.underlying = underlying;
        }

        @Override
        public boolean hasNext() {
            boolean more = underlying.hasNext();
            if (!more && !done) {
                done = true;
                keepWhenCommitted(aggregateIdentifier, read);
            }
            return more;
        }

        @Override
        public DomainEventMessage<?> next() {
            DomainEventMessage<?> event = underlying.next();
            if (read.size() <= maxStreamEvents) {
                read.add(event);
            }
            return event;
        }

        @Override
        public DomainEventMessage<?> peek() {
            return underlying.peek();
        }

        @Override
        public Long getLastSequenceNumber() {
            return underlying.getLastSequenceNumber();
        }
    }

    // Everything else is the other store's.

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public void publish(List<? extends EventMessage<?>> events) {
        delegate.publish(events);
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super EventMessage<?>> dispatchInterceptor) {
        return delegate.registerDispatchInterceptor(dispatchInterceptor);
    }

    @Override
    public Registration subscribe(Consumer<List<? extends EventMessage<?>>> messageProcessor) {
        return delegate.subscribe(messageProcessor);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return delegate.openStream(trackingToken);
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

    @Override
    public TrackingToken createTokenSince(java.time.Duration duration) {
        return delegate.createTokenSince(duration);
    }

    @Override
    public void registerLifecycleHandlers(LifecycleRegistry lifecycle) {
        if (delegate instanceof Lifecycle inner) {
            inner.registerLifecycleHandlers(lifecycle);
        }
    }
}
