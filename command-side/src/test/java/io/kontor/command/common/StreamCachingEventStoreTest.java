package io.kontor.command.common;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class StreamCachingEventStoreTest {

    record Happened(String id, int n) {
    }

    /** A snapshot's payload: the aggregate itself, mutable. */
    static final class Counter {
        int n;
    }

    /** The log, counting what the store asks of it. */
    static final class CountingEngine extends InMemoryEventStorageEngine {
        final List<String> reads = new ArrayList<>();

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            reads.add(aggregateIdentifier + " from " + firstSequenceNumber);
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            reads.add(aggregateIdentifier + " snapshot");
            return super.readSnapshot(aggregateIdentifier);
        }
    }

    private final CountingEngine log = new CountingEngine();
    private final EmbeddedEventStore inner = EmbeddedEventStore.builder().storageEngine(log).build();
    private final StreamCachingEventStore store = new StreamCachingEventStore(inner, 10, 5);
    /** Another process appending to the same log. */
    private final EmbeddedEventStore other = EmbeddedEventStore.builder().storageEngine(log).build();

    @AfterEach
    void shutDown() {
        inner.shutDown();
        other.shutDown();
    }

    @Test
    void aSecondLoadAsksTheLogOnlyForTheEventsAfterTheKeptOnes() {
        append("a", 0, 3);
        assertThat(numbers(store.readEvents("a"))).containsExactly(0, 1, 2);
        assertThat(log.reads).containsExactly("a snapshot", "a from 0");
        log.reads.clear();

        assertThat(numbers(store.readEvents("a"))).containsExactly(0, 1, 2);
        assertThat(log.reads).containsExactly("a from 3");
        assertThat(store.keptEvents()).isEqualTo(3);
    }

    @Test
    void eventsAnotherProcessAppendedAreReadAsTheTail() {
        append("a", 0, 2);
        consume(store.readEvents("a"));
        append("a", 2, 2);

        DomainEventStream stream = store.readEvents("a");
        assertThat(numbers(stream)).containsExactly(0, 1, 2, 3);
        assertThat(stream.getLastSequenceNumber()).isEqualTo(3L);
        assertThat(store.keptEvents()).isEqualTo(4);
        log.reads.clear();
        assertThat(numbers(store.readEvents("a"))).containsExactly(0, 1, 2, 3);
        assertThat(log.reads).containsExactly("a from 4");
    }

    @Test
    void aStreamThatStartsWithASnapshotIsNotKeptAndStoringASnapshotDropsTheKeptStream() {
        append("a", 0, 3);
        consume(store.readEvents("a"));
        assertThat(store.keptEvents()).isEqualTo(3);

        Counter state = new Counter();
        state.n = 3;
        store.storeSnapshot(new GenericDomainEventMessage<>("Thing", "a", 2, state));
        assertThat(store.keptEvents()).isZero();
        append("a", 3, 1);

        log.reads.clear();
        List<DomainEventMessage<?>> first = consume(store.readEvents("a"));
        assertThat(first).extracting(DomainEventMessage::getSequenceNumber).containsExactly(2L, 3L);
        assertThat(first.get(0).getPayload()).isInstanceOf(Counter.class);
        assertThat(store.keptEvents()).isZero();
        log.reads.clear();
        consume(store.readEvents("a"));
        assertThat(log.reads).containsExactly("a snapshot", "a from 3");
    }

    @Test
    void eventsStagedByAUnitOfWorkAreKeptOnlyIfItCommits() {
        append("a", 0, 2);
        consume(store.readEvents("a"));

        DefaultUnitOfWork<?> rolledBack = DefaultUnitOfWork.startAndGet(null);
        inner.publish(new GenericDomainEventMessage<>("Thing", "a", 2, new Happened("a", 2)));
        // Axon's store reads what this unit of work staged too.
        assertThat(numbers(store.readEvents("a"))).containsExactly(0, 1, 2);
        rolledBack.rollback();
        assertThat(numbers(store.readEvents("a"))).containsExactly(0, 1);

        DefaultUnitOfWork<?> committed = DefaultUnitOfWork.startAndGet(null);
        inner.publish(new GenericDomainEventMessage<>("Thing", "a", 2, new Happened("a", 2)));
        assertThat(numbers(store.readEvents("a"))).containsExactly(0, 1, 2);
        assertThat(store.keptEvents()).isEqualTo(2);
        committed.commit();
        assertThat(store.keptEvents()).isEqualTo(3);
        log.reads.clear();
        assertThat(numbers(store.readEvents("a"))).containsExactly(0, 1, 2);
        assertThat(log.reads).containsExactly("a from 3");
    }

    @Test
    void aStreamReadOnlyInPartIsNotKept() {
        append("a", 0, 3);
        DomainEventStream stream = store.readEvents("a");
        stream.next();
        assertThat(store.keptEvents()).isZero();
    }

    @Test
    void aStreamLongerThanTheLimitIsNotKeptAndTheLeastRecentlyLoadedGoFirst() {
        append("long", 0, 6);
        assertThat(numbers(store.readEvents("long"))).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(store.keptEvents()).isZero();

        append("a", 0, 4);
        append("b", 0, 4);
        append("c", 0, 3);
        consume(store.readEvents("a"));
        consume(store.readEvents("b"));
        consume(store.readEvents("a"));
        consume(store.readEvents("c"));
        // 11 events would be kept: "b", loaded least recently, goes.
        assertThat(store.keptEvents()).isEqualTo(7);
        log.reads.clear();
        consume(store.readEvents("a"));
        consume(store.readEvents("b"));
        assertThat(log.reads).containsExactly("a from 4", "b snapshot", "b from 0");
    }

    @Test
    void anUnknownAggregateIsAskedForEveryTime() {
        assertThat(store.readEvents("nobody").hasNext()).isFalse();
        assertThat(store.readEvents("nobody").hasNext()).isFalse();
        assertThat(log.reads).containsExactly("nobody snapshot", "nobody from 0", "nobody snapshot", "nobody from 0");
    }

    private void append(String id, int from, int count) {
        other.publish(Stream.iterate(from, n -> n + 1).limit(count)
                .<DomainEventMessage<?>>map(n -> new GenericDomainEventMessage<>("Thing", id, n, new Happened(id, n)))
                .toList());
    }

    private static List<DomainEventMessage<?>> consume(DomainEventStream stream) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        while (stream.hasNext()) {
            events.add(stream.next());
        }
        return events;
    }

    private static List<Integer> numbers(DomainEventStream stream) {
        return consume(stream).stream().map(e -> ((Happened) e.getPayload()).n()).toList();
    }
}
