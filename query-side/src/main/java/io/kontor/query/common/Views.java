package io.kontor.query.common;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

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

    /** The current unit of work's pending writes to {@code collection}. */
    public ViewBatch batch(String collection) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<String, ViewBatch> batches = root.getOrComputeResource(RESOURCE, key -> {
            // A safety net for units of work that are not processor batches (tests, subscribing processors).
            root.onPrepareCommit(Views::flush);
            return new LinkedHashMap<>();
        });
        return batches.computeIfAbsent(collection, c -> new ViewBatch(database.getCollection(c)));
    }

    /** Writes everything the unit of work staged; idempotent, as later calls find nothing left to write. */
    static void flush(UnitOfWork<?> unitOfWork) {
        Map<String, ViewBatch> batches = unitOfWork.root().getResource(RESOURCE);
        if (batches != null) {
            batches.values().forEach(ViewBatch::flush);
        }
    }

    /** The global log position of the event a tracking token points at. */
    public static long positionOf(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalArgumentException("token without position: " + token));
    }
}
