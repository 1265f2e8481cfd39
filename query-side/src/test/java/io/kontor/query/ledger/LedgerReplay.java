package io.kontor.query.ledger;

import com.mongodb.client.MongoDatabase;
import io.kontor.query.common.ProjectionRebuilds;
import io.kontor.query.ledger.posting.PostingRules;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Replays a log into a ledger view from scratch, outside any processor, through the path a rebuild takes
 * ({@link ProjectionRebuilds#replay}): read ahead in chunks of {@code batchSize}, written every {@code batchSize}
 * events.
 */
public final class LedgerReplay {

    private LedgerReplay() {
    }

    /** Rebuilds the ledger view from position 0 into {@code target}; answers the store it wrote. */
    public static LedgerStore rebuild(EventStorageEngine engine, MongoDatabase target, int batchSize) {
        LedgerStore store = new LedgerStore(target);
        replay(engine, store, batchSize, batchSize);
        return store;
    }

    /** Applies every event of the log to {@code store}; answers how many there were. */
    static long replay(EventStorageEngine engine, LedgerStore store, int chunkSize, int eventsPerWrite) {
        try {
            return ProjectionRebuilds.replay(engine, LedgerProjection.GROUP, LedgerGenerations.into(store,
                    PostingRules.standard(), eventsPerWrite), chunkSize);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        }
    }
}
