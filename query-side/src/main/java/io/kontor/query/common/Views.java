package io.kontor.query.common;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where projections write their views. A handler stages its changes in {@link #batch(String)}, the current unit of
 * work's batch for one collection; each batch is written with one {@code bulkWrite} when the processor's batch of
 * events ends (see {@link ViewFlushInterceptor}), so a replay runs at log-read speed, not round-trip speed.
 */
@Component
public class Views {

    private static final String RESOURCE = Views.class.getName() + ".batches";

    private final MongoDatabase database;

    public Views(MongoDatabase database) {
        this.database = database;
    }

    /** Writes a projection stages during a batch and that are written when the batch ends. */
    public interface StagedWrites {

        /** Writes what was staged and forgets it, so a second flush writes nothing. */
        void flush();
    }

    /** The current unit of work's pending writes to {@code collection}. */
    public ViewBatch batch(String collection) {
        return staged("collection:" + collection, () -> new ViewBatch(database.getCollection(collection)));
    }

    /**
     * The current unit of work's staged writes under {@code key}, created on first use: for a view that folds a
     * batch in its own way (the ledger reads its running totals once per batch) yet is flushed with all others.
     */
    @SuppressWarnings("unchecked")
    public <T extends StagedWrites> T staged(String key, Supplier<T> factory) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<String, StagedWrites> batches = root.getOrComputeResource(RESOURCE, k -> {
            // A safety net for units of work that are not processor batches (tests, subscribing processors).
            root.onPrepareCommit(Views::flush);
            return new LinkedHashMap<>();
        });
        return (T) batches.computeIfAbsent(key, k -> factory.get());
    }

    /** Writes everything the unit of work staged; idempotent, as later calls find nothing left to write. */
    static void flush(UnitOfWork<?> unitOfWork) {
        Map<String, StagedWrites> batches = unitOfWork.root().getResource(RESOURCE);
        if (batches != null) {
            batches.values().forEach(StagedWrites::flush);
        }
    }

    /** The global log position of the event a tracking token points at. */
    public static long positionOf(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalArgumentException("token without position: " + token));
    }
}
