package io.kontor.query.common;

import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The live generation of a view with a store of its own (the ledger's, the KPIs'): what its reports read and its
 * projection writes. Starts from the generation recorded in {@link ViewGenerations}; a rebuild fills the next one
 * beside it and replaces it atomically (the record first, then the reference), dropping the old one when asked.
 * A generation another process made live is picked up within {@link ViewGenerations}' refresh interval.
 */
public class Generations<S extends Generations.Store> implements Supplier<S>, RebuildableView {

    /** One generation of a view's collections. */
    public interface Store {

        long generation();

        /** Drops this generation's collections. */
        void drop();
    }

    private final String name;
    private final ViewGenerations generations;
    private final LongFunction<S> open;
    private final Function<S, Replay> replays;
    private final int eventsPerWrite;
    private final AtomicReference<S> live;

    /**
     * @param name           the view's name and processing group
     * @param open           the store of a generation
     * @param replays        a rebuild's batches into a store (for most views, a factory of fresh batches)
     * @param eventsPerWrite how many events a rebuild folds into each write ({@link Generation#eventsPerWrite()})
     */
    public Generations(String name, ViewGenerations generations, LongFunction<S> open,
                       Function<S, Replay> replays, int eventsPerWrite) {
        if (eventsPerWrite < 1) {
            throw new IllegalArgumentException("events per write must be positive: " + eventsPerWrite);
        }
        this.name = name;
        this.generations = generations;
        this.open = open;
        this.replays = replays;
        this.eventsPerWrite = eventsPerWrite;
        this.live = new AtomicReference<>(open.apply(generations.live(name)));
    }

    @Override
    public S get() {
        S current = live.get();
        long recorded = generations.live(name);
        if (recorded != current.generation()) {
            // Another process rebuilt the view and made a newer generation live.
            S newer = open.apply(recorded);
            return live.compareAndSet(current, newer) ? newer : live.get();
        }
        return current;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Generation nextGeneration() {
        S store = open.apply(get().generation() + 1);
        store.drop();
        return new Rebuild<>(store, replays.apply(store), eventsPerWrite, () -> {
            generations.setLive(name, store.generation());
            S replaced = live.getAndSet(store);
            return replaced::drop;
        });
    }

    /** A replay into {@code store} outside any processor and any swap (tests and benchmarks). */
    public static <S extends Store> Generation into(S store, Function<S, Replay> replays, int eventsPerWrite) {
        return new Rebuild<>(store, replays.apply(store), eventsPerWrite, () -> () -> {
        });
    }

    private record Rebuild<S extends Store>(S store, Replay replay, int eventsPerWrite,
                                            Supplier<Runnable> live) implements Generation {

        @Override
        public long number() {
            return store.generation();
        }

        @Override
        public Batch batch() {
            PayloadBatch batch = replay.batch();
            return new Batch() {
                @Override
                public void add(TrackedEventMessage<?> event) {
                    batch.add(Views.positionOf(event.trackingToken()), event::getTimestamp, event.getPayload());
                }

                @Override
                public void flush() {
                    batch.flush();
                }
            };
        }

        @Override
        public void complete() {
            replay.complete();
        }

        @Override
        public Runnable goLive() {
            // Nothing held back may be missing from a generation that answers queries.
            replay.complete();
            return live.get();
        }

        @Override
        public void drop() {
            store.drop();
        }
    }
}
