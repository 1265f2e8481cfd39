package io.kontor.query.ledger;

import io.kontor.events.ledger.AccountOpened;
import io.kontor.query.common.RebuildableView;
import io.kontor.query.ledger.posting.PostingRules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One batch of events on its way into the ledger view: accounts opened and postings, folded and written once by
 * {@link #flush()}. The live projection, a rebuild and the tests all apply events through this one class.
 */
public final class LedgerBatch implements RebuildableView.PayloadBatch {

    private final LedgerTarget target;
    private final PostingRules rules;
    private List<LedgerStore.Account> accounts = new ArrayList<>();
    private LedgerFold fold = new LedgerFold();

    public LedgerBatch(LedgerStore store, PostingRules rules) {
        this((LedgerTarget) store, rules);
    }

    /** A batch that reads and writes buckets through {@code target} (a rebuild's, which holds some back). */
    LedgerBatch(LedgerTarget target, PostingRules rules) {
        this.target = target;
        this.rules = rules;
    }

    /** The ledger folds by position and payload alone: postings carry their own dates. */
    @Override
    public void add(long position, Supplier<Instant> timestamp, Object event) {
        add(position, event);
    }

    /** Stages the event at {@code position}: an account, a posting per the rules, or nothing. */
    public void add(long position, Object event) {
        if (event instanceof AccountOpened opened) {
            accounts.add(new LedgerStore.Account(opened.code(), opened.name(), opened.type(),
                    opened.currency().getCurrencyCode(), position));
        }
        rules.postingFor(event).ifPresent(posting -> fold.add(position, event.getClass().getSimpleName(), posting));
    }

    @Override
    public void flush() {
        LedgerFold.Result result = fold.isEmpty()
                ? LedgerFold.Result.NOTHING
                : fold.fold(target.totals(fold.bucketKeys()));
        target.write(accounts, result);
        accounts = new ArrayList<>();
        fold = new LedgerFold();
    }
}
