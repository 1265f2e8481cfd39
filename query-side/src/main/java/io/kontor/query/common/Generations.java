package io.kontor.query.common;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The live generation of a rebuildable view's store: what its reports read and its projection writes. Starts from the
 * generation recorded in {@link ViewGenerations}; a rebuild fills the next one beside it and replaces it atomically
 * (the record first, then the reference), dropping the old one when asked.
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
    private final Function<S, Batch> batches;
    private final AtomicReference<S> live;

    /**
     * @param name    the view's name and processing group
     * @param open    the store of a generation
     * @param batches a fresh batch of events into a store
     */
    public Generations(String name, ViewGenerations generations, LongFunction<S> open, Function<S, Batch> batches) {
        this.name = name;
        this.generations = generations;
        this.open = open;
        this.batches = batches;
        this.live = new AtomicReference<>(open.apply(generations.live(name)));
    }

    @Override
    public S get() {
        return live.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Generation nextGeneration() {
        S store = open.apply(live.get().generation() + 1);
        store.drop();
        return new Generation() {

            @Override
            public long number() {
                return store.generation();
            }

            @Override
            public Batch batch() {
                return batches.apply(store);
            }

            @Override
            public Runnable goLive() {
                generations.setLive(name, store.generation());
                S replaced = live.getAndSet(store);
                return replaced::drop;
            }

            @Override
            public void drop() {
                store.drop();
            }
        };
    }
}
