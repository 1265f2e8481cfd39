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

    public LedgerGenerations(MongoDatabase database, ViewGenerations generations, PostingRules rules) {
        super(LedgerProjection.GROUP, generations, generation -> new LedgerStore(database, generation),
                store -> new LedgerBatch(store, rules));
    }
}
