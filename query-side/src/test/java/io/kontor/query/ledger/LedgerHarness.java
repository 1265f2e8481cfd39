package io.kontor.query.ledger;

import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.testing.TestMongo;
import io.kontor.events.ledger.AccountOpened;
import io.kontor.events.ledger.AccountType;
import io.kontor.query.ledger.posting.PostingRules;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Applies events to a ledger view on a fresh database the way the processor does — in batches, one read and one
 * write per batch — without starting Axon, so the view's tests run in milliseconds.
 */
final class LedgerHarness {

    static final List<AccountOpened> CHART = List.of(
            new AccountOpened("1000", "Cash", AccountType.ASSET, Currency.getInstance("DKK")),
            new AccountOpened("1010", "Bank", AccountType.ASSET, Currency.getInstance("DKK")),
            new AccountOpened("2000", "Accounts payable", AccountType.LIABILITY, Currency.getInstance("DKK")),
            new AccountOpened("3000", "Equity", AccountType.EQUITY, Currency.getInstance("DKK")),
            new AccountOpened("4000", "Sales revenue", AccountType.REVENUE, Currency.getInstance("DKK")),
            new AccountOpened("6000", "Salaries", AccountType.EXPENSE, Currency.getInstance("DKK")));

    final MongoDatabase database = TestMongo.freshDatabase();
    final LedgerStore store = new LedgerStore(database);
    final LedgerReports reports = new LedgerReports(store);
    private final PostingRules rules = PostingRules.standard();
    private long position;

    LedgerHarness withChart() {
        batch(new ArrayList<>(CHART));
        return this;
    }

    /** Appends the events at the next positions and applies them as one processor batch. */
    long batch(List<?> events) {
        long first = position + 1;
        position += events.size();
        applyAt(first, events);
        return first;
    }

    /** Applies events again at the positions they were first applied at, as a redelivery after a crash does. */
    void redeliver(long firstPosition, List<?> events) {
        applyAt(firstPosition, events);
    }

    private void applyAt(long firstPosition, List<?> events) {
        LedgerBatch batch = new LedgerBatch(store, rules);
        long position = firstPosition;
        for (Object event : events) {
            batch.add(position++, event);
        }
        batch.flush();
    }
}
