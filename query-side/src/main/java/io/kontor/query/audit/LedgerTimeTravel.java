package io.kontor.query.audit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.kontor.query.ledger.LedgerBatch;
import io.kontor.query.ledger.LedgerReports;
import io.kontor.query.ledger.LedgerStore;
import io.kontor.query.ledger.posting.PostingRules;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.Iterator;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The general ledger as the log stood at a position: the events up to it are folded, by the projection's own
 * {@link LedgerBatch}, into a scratch database that is dropped after the answer. What was known then, not what is
 * effective at a date ({@code asOf}). It costs a replay of the log up to the position per query (memory stays flat:
 * batches of {@value #BATCH}); README describes the checkpointed design that would make it cheap.
 */
class LedgerTimeTravel {

    private static final int BATCH = 500;

    private final MongoClient client;
    private final MongoDatabase live;
    private final EventStorageEngine engine;
    private final PostingRules rules;

    LedgerTimeTravel(MongoClient client, MongoDatabase live, EventStorageEngine engine, PostingRules rules) {
        this.client = client;
        this.live = live;
        this.engine = engine;
        this.rules = rules;
    }

    <T> T at(long position, Function<LedgerReports, T> query) {
        String name = scratchName();
        MongoDatabase scratch = client.getDatabase(name);
        try {
            LedgerStore store = new LedgerStore(scratch);
            replay(position, store);
            return query.apply(new LedgerReports(store));
        } finally {
            scratch.drop();
        }
    }

    private String scratchName() {
        String prefix = live.getName();
        prefix = prefix.substring(0, Math.min(prefix.length(), 40));
        return prefix + "_asof_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private void replay(long position, LedgerStore store) {
        if (position < 1) {
            return;
        }
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            boolean more = true;
            while (more) {
                LedgerBatch batch = new LedgerBatch(store, rules);
                for (int staged = 0; staged < BATCH; staged++) {
                    if (!events.hasNext()) {
                        more = false;
                        break;
                    }
                    TrackedEventMessage<?> event = events.next();
                    long at = event.trackingToken().position().orElseThrow();
                    if (at > position) {
                        more = false;
                        break;
                    }
                    batch.add(at, event.getPayload());
                    if (at == position) {
                        more = false;
                        break;
                    }
                }
                batch.flush();
            }
        }
    }
}
