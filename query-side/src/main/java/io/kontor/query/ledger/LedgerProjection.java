package io.kontor.query.ledger;

import io.kontor.events.ledger.AccountOpened;
import io.kontor.query.common.Views;
import io.kontor.query.ledger.posting.PostingRules;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;

import java.util.function.Supplier;

/**
 * Folds the log into the general ledger: the chart of accounts, running-total buckets per account and period, and
 * each account's lines with the position and type of the event that caused them. Postings come from
 * {@link PostingRules}; the projection itself knows no event but {@link AccountOpened}. A batch of events is
 * applied with one read and one bulk write per collection when the processor's batch ends.
 */
@ProcessingGroup(LedgerProjection.GROUP)
public class LedgerProjection {

    public static final String GROUP = "ledger";
    private static final String BATCH = LedgerProjection.class.getName() + ".batch";

    private final Supplier<LedgerStore> store;
    private final PostingRules rules;
    private final Views views;

    public LedgerProjection(Supplier<LedgerStore> store, PostingRules rules, Views views) {
        this.store = store;
        this.rules = rules;
        this.views = views;
    }

    @EventHandler
    void on(Object event, TrackingToken token) {
        views.staged(BATCH, () -> new LedgerBatch(store.get(), rules)).add(Views.positionOf(token), event);
    }
}
