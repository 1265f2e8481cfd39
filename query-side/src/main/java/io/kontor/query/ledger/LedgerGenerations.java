package io.kontor.query.ledger;

import com.mongodb.client.MongoDatabase;
import io.kontor.query.common.Generations;
import io.kontor.query.common.ViewGenerations;
import io.kontor.query.ledger.posting.PostingRules;

/**
 * The live generation of the ledger view: what reports read and the projection writes. Starts from the generation
 * recorded in {@link ViewGenerations}; a rebuild replaces it atomically (the record first, then the reference).
 */
public class LedgerGenerations extends Generations<LedgerStore> {

    /**
     * {@code eventsPerWrite}: how many events a rebuild folds into each write. The view's write cost is per bucket
     * document, and a day's bucket is touched by every batch that posts to that day: {@link LedgerRebuild} holds
     * the buckets a write touched until a write leaves them alone, so most are created whole, in one insert. A few
     * thousand events per write are enough for that; more only keep more events alive (staged, and read ahead).
     */
    public LedgerGenerations(MongoDatabase database, ViewGenerations generations, PostingRules rules,
                             int eventsPerWrite) {
        super(LedgerProjection.GROUP, generations, generation -> new LedgerStore(database, generation),
                store -> new LedgerRebuild(store, rules), eventsPerWrite);
    }

    /** A replay into {@code store} outside any processor and any swap (tests and the benchmark). */
    static Generation into(LedgerStore store, PostingRules rules, int eventsPerWrite) {
        return Generations.into(store, s -> new LedgerRebuild(s, rules), eventsPerWrite);
    }
}
