package io.kontor.query.ledger;

import com.mongodb.client.MongoDatabase;
import io.kontor.query.common.RebuildableView;
import io.kontor.query.common.ViewGenerations;
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
    private final AtomicReference<LedgerStore> live;

    public LedgerGenerations(MongoDatabase database, ViewGenerations generations, PostingRules rules) {
        this.database = database;
        this.generations = generations;
        this.rules = rules;
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
        return new Generation() {

            @Override
            public long number() {
                return store.generation();
            }

            @Override
            public Batch batch() {
                LedgerBatch batch = new LedgerBatch(store, rules);
                return new Batch() {
                    @Override
                    public void add(long position, Object event) {
                        batch.add(position, event);
                    }

                    @Override
                    public void flush() {
                        batch.flush();
                    }
                };
            }

            @Override
            public Runnable goLive() {
                generations.setLive(name(), store.generation());
                LedgerStore replaced = live.getAndSet(store);
                return replaced::drop;
            }

            @Override
            public void drop() {
                store.drop();
            }
        };
    }
}
