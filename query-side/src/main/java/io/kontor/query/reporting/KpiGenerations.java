package io.kontor.query.reporting;

import com.mongodb.client.MongoDatabase;
import io.kontor.query.common.RebuildableView;
import io.kontor.query.common.ViewGenerations;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The live generation of the KPI view, which reports read and the projection writes; a rebuild
 * ({@code POST /api/audit/projections/kpis/rebuild}) fills the next one beside it and swaps.
 */
public class KpiGenerations implements Supplier<KpiStore>, RebuildableView {

    private final MongoDatabase database;
    private final ViewGenerations generations;
    private final KpiRules rules;
    private final AtomicReference<KpiStore> live;

    public KpiGenerations(MongoDatabase database, ViewGenerations generations, KpiRules rules) {
        this.database = database;
        this.generations = generations;
        this.rules = rules;
        this.live = new AtomicReference<>(new KpiStore(database, generations.live(name())));
    }

    @Override
    public KpiStore get() {
        return live.get();
    }

    @Override
    public String name() {
        return KpiProjection.GROUP;
    }

    @Override
    public Generation nextGeneration() {
        KpiStore store = new KpiStore(database, live.get().generation() + 1);
        store.drop();
        return new Generation() {
            @Override
            public long number() {
                return store.generation();
            }

            @Override
            public Batch batch() {
                KpiBatch batch = new KpiBatch(store, rules);
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
                return live.getAndSet(store)::drop;
            }

            @Override
            public void drop() {
                store.drop();
            }
        };
    }
}
