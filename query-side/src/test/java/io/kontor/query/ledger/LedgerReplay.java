package io.kontor.query.ledger;

import com.mongodb.client.MongoDatabase;
import io.kontor.query.ledger.posting.PostingRules;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.stream.Stream;

/** Replays a log into a ledger view in batches of a chosen size, outside any processor: a rebuild from scratch. */
public final class LedgerReplay {

    private LedgerReplay() {
    }

    /** Rebuilds the ledger view from position 0 into {@code target}; answers the store it wrote. */
    public static LedgerStore rebuild(EventStorageEngine engine, MongoDatabase target, int batchSize) {
        LedgerStore store = new LedgerStore(target);
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            replay(events, store, batchSize);
        }
        return store;
    }

    /** Applies every event of the stream; answers how many there were. */
    static long replay(Stream<? extends TrackedEventMessage<?>> stream, LedgerStore store, int batchSize) {
        return LedgerLogReplay.replay(stream, store, PostingRules.standard(), batchSize);
    }
}
