package io.kontor.query.ledger;

import io.kontor.events.ledger.AccountOpened;
import io.kontor.query.ledger.posting.PostingRules;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;

/**
 * Folds the log into the general ledger: the chart of accounts, running-total buckets per account and period, and
 * each account's lines with the position and type of the event that caused them. Postings come from
 * {@link PostingRules}; the projection itself knows no event but {@link AccountOpened}. A batch of events is
 * applied with one read and one bulk write per collection when the processor commits it.
 */
@ProcessingGroup(LedgerProjection.GROUP)
public class LedgerProjection {

    public static final String GROUP = "ledger";
    private static final String BATCH = LedgerProjection.class.getName() + ".batch";

    private final LedgerStore store;
    private final PostingRules rules;

    public LedgerProjection(LedgerStore store, PostingRules rules) {
        this.store = store;
        this.rules = rules;
    }

    @EventHandler
    void on(AccountOpened event, TrackingToken token) {
        batch().accounts.add(new LedgerStore.Account(event.code(), event.name(), event.type(),
                event.currency().getCurrencyCode(), position(token)));
    }

    @EventHandler
    void on(Object event, EventMessage<?> message, TrackingToken token) {
        rules.postingFor(event).ifPresent(posting ->
                batch().fold.add(position(token), message.getPayloadType().getSimpleName(), posting));
    }

    private Batch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.root().getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch();
            unitOfWork.root().onPrepareCommit(u -> batch.flush(store));
            return batch;
        });
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() ->
                new IllegalStateException("the ledger needs global positions, got " + token));
    }

    /** What one processor batch changes, written once at commit. */
    private static final class Batch {
        private final List<LedgerStore.Account> accounts = new ArrayList<>();
        private final LedgerFold fold = new LedgerFold();

        void flush(LedgerStore store) {
            LedgerFold.Result result = fold.isEmpty()
                    ? new LedgerFold.Result(List.of(), List.of())
                    : fold.fold(store.buckets(fold.bucketKeys()));
            store.write(accounts, result);
        }
    }
}
