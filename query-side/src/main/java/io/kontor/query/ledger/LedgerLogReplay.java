package io.kontor.query.ledger;

import io.kontor.query.ledger.posting.PostingRules;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.Iterator;
import java.util.stream.Stream;

/** Replays events into a ledger store in batches of a chosen size, outside any processor: a rebuild's core. */
public final class LedgerLogReplay {

    private LedgerLogReplay() {
    }

    /** Applies every event of the stream through {@link LedgerBatch}; answers how many there were. */
    public static long replay(Stream<? extends TrackedEventMessage<?>> stream, LedgerStore store, PostingRules rules,
                              int batchSize) {
        Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
        long count = 0;
        while (events.hasNext()) {
            LedgerBatch batch = new LedgerBatch(store, rules);
            for (int i = 0; i < batchSize && events.hasNext(); i++, count++) {
                TrackedEventMessage<?> event = events.next();
                batch.add(event.trackingToken().position().orElseThrow(), event.getPayload());
            }
            batch.flush();
        }
        return count;
    }
}
