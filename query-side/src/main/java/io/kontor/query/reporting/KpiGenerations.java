package io.kontor.query.reporting;

import com.mongodb.client.MongoDatabase;
import io.kontor.query.common.Generations;
import io.kontor.query.common.ViewGenerations;

/**
 * The live generation of the KPI view, which reports read and the projection writes; a rebuild
 * ({@code POST /api/audit/projections/kpis/rebuild}) fills the next one beside it and swaps.
 */
public class KpiGenerations extends Generations<KpiStore> {

    public KpiGenerations(MongoDatabase database, ViewGenerations generations, KpiRules rules) {
        super(KpiProjection.GROUP, generations, generation -> new KpiStore(database, generation),
                store -> () -> new KpiBatch(store, rules), 1);
    }
}
