package io.kontor.query.reporting;

import io.kontor.query.common.Views;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * Folds the whole log into the KPIs' daily buckets (see {@link KpiRules} for what counts, {@link Kpis} for what is
 * answered). One projection for every area; a batch is applied with one read and one write when it ends.
 */
@ProcessingGroup(KpiProjection.GROUP)
public class KpiProjection {

    public static final String GROUP = "kpis";
    private static final String BATCH = KpiProjection.class.getName() + ".batch";

    private final Supplier<KpiStore> store;
    private final KpiRules rules;
    private final Views views;

    public KpiProjection(Supplier<KpiStore> store, KpiRules rules, Views views) {
        this.store = store;
        this.rules = rules;
        this.views = views;
    }

    @EventHandler
    void on(Object event, TrackingToken token, @Timestamp Instant at) {
        views.staged(BATCH, () -> new KpiBatch(store.get(), rules)).add(Views.positionOf(token), at, event);
    }
}
