package io.kontor.query.ledger;

import com.mongodb.client.MongoDatabase;
import io.kontor.query.common.RebuildableView;
import io.kontor.query.common.ViewGenerations;
import io.kontor.query.common.Views;
import org.axonframework.eventhandling.TrackedEventMessage;
import io.kontor.query.ledger.posting.PostingRules;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The live generation of the ledger view: what reports read and the projection writes. Starts from the generation
 * recorded in {@link ViewGenerations}; a rebuild replaces it atomically (the record first, then the reference).
 */
public class LedgerGenerations implements Supplier<LedgerStore>, RebuildableView {

    private final MongoDatabase database;
    private final ViewGenerations generations;
    private final PostingRules rules;
    private final int eventsPerWrite;
    private final AtomicReference<LedgerStore> live;

    /**
     * {@code eventsPerWrite}: how many events a rebuild folds into each write. The view's write cost is per bucket
     * document, and a day's bucket is touched by every batch that posts to that day: folding many events per write
     * creates most buckets whole, in one insert, instead of updating each several times.
     */
    public LedgerGenerations(MongoDatabase database, ViewGenerations generations, PostingRules rules,
                             int eventsPerWrite) {
        if (eventsPerWrite < 1) {
            throw new IllegalArgumentException("events per write must be positive: " + eventsPerWrite);
        }
        this.database = database;
        this.generations = generations;
        this.rules = rules;
        this.eventsPerWrite = eventsPerWrite;
        this.live = new AtomicReference<>(new LedgerStore(database, generations.live(name())));
    }

    @Override
    public LedgerStore get() {
        return live.get();
    }

    @Override
    public String name() {
        return LedgerProjection.GROUP;
    }

    @Override
    public Generation nextGeneration() {
        LedgerStore store = new LedgerStore(database, live.get().generation() + 1);
        store.drop();
        return new Rebuild(store, rules, eventsPerWrite, () -> {
            generations.setLive(name(), store.generation());
            LedgerStore replaced = live.getAndSet(store);
            return replaced::drop;
        });
    }

    /** A replay into {@code store} outside any processor and any swap (tests and the benchmark). */
    static Generation into(LedgerStore store, PostingRules rules, int eventsPerWrite) {
        return new Rebuild(store, rules, eventsPerWrite, () -> () -> {
        });
    }

    private record Rebuild(LedgerStore store, PostingRules rules, int eventsPerWrite,
                           Supplier<Runnable> live) implements Generation {

        @Override
        public long number() {
            return store.generation();
        }

        @Override
        public Batch batch() {
            LedgerBatch batch = new LedgerBatch(store, rules);
            return new Batch() {
                @Override
                public void add(TrackedEventMessage<?> event) {
                    batch.add(Views.positionOf(event.trackingToken()), event.getPayload());
                }

                @Override
                public void flush() {
                    batch.flush();
                }
            };
        }

        @Override
        public Runnable goLive() {
            return live.get();
        }

        @Override
        public void drop() {
            store.drop();
        }
    }
}
