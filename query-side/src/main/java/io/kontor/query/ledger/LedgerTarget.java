package io.kontor.query.ledger;

import java.util.Collection;
import java.util.Map;

/**
 * Where a {@link LedgerBatch} reads the buckets its fold starts from and writes what the fold made: the store
 * itself ({@link LedgerStore}), or a rebuild that holds recently touched buckets back ({@link LedgerRebuild}).
 */
interface LedgerTarget {

    /** The buckets with these keys that exist, totals only (no embedded lines). */
    Map<String, Bucket> totals(Collection<String> keys);

    /** Writes the accounts opened and the fold's result. */
    void write(Collection<LedgerStore.Account> openedAccounts, LedgerFold.Result result);
}
