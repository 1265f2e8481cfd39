package io.kontor.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Where projections write their views and queries read them. A handler stages its changes in
 * {@link #batch(String)}, the current unit of work's batch for one collection; each batch is written with one
 * {@code bulkWrite} when the processor's batch of events ends (see {@link ViewFlushInterceptor}), so a replay runs
 * at log-read speed, not round-trip speed.
 *
 * <p>Collections are named by their base name ({@code hr_employees}). A view that can be rebuilt beside its live
 * generation ({@link CollectionView}) registers its collections here; queries then read the live generation's
 * collection ({@link #collection(String)}), and handlers write to the generation their unit of work targets: the
 * live one, or the one a rebuild is filling ({@link #TARGETS}), fixed for the whole unit of work.
 */
@Component
public class Views {

    private static final String RESOURCE = Views.class.getName() + ".batches";
    /** A unit of work resource: view name → the generation its handlers write, chosen on first use. */
    static final String TARGETS = Views.class.getName() + ".targets";
    /** A unit of work resource marking a rebuild's replay (see {@link #rebuilding()}). */
    static final String REBUILD = Views.class.getName() + ".rebuild";
    /** A unit of work resource: the events a rebuild's unit of work applies (see {@link #batchEvents()}). */
    static final String EVENTS = Views.class.getName() + ".events";

    private final MongoDatabase database;
    private final ViewGenerations generations;
    private final Map<String, String> viewOfCollection = new ConcurrentHashMap<>();

    /** Views whose collections all stay in generation 0 unless registered (projection unit tests). */
    public Views(MongoDatabase database) {
        this(database, new ViewGenerations(database));
    }

    @Autowired
    public Views(MongoDatabase database, ViewGenerations generations) {
        this.database = database;
        this.generations = generations;
    }

    /** Writes a projection stages during a batch and that are written when the batch ends. */
    public interface StagedWrites {

        /** Writes what was staged and forgets it, so a second flush writes nothing. */
        void flush();
    }

    /** Declares that {@code collections} belong to {@code view}, whose generations a rebuild swaps. */
    public void register(String view, Collection<String> collections) {
        collections.forEach(collection -> {
            String earlier = viewOfCollection.putIfAbsent(collection, view);
            if (earlier != null && !earlier.equals(view)) {
                throw new IllegalStateException(collection + " belongs to " + earlier + ", not " + view);
            }
        });
    }

    /** The live generation of the view collection {@code name}: what queries read. */
    public MongoCollection<Document> collection(String name) {
        String view = viewOfCollection.get(name);
        long generation = view == null ? 0 : generations.live(view);
        return database.getCollection(ViewGenerations.collectionName(name, generation));
    }

    /**
     * The collection {@code name} in the generation the current unit of work writes: for a fold that reads the
     * documents it is about to change.
     */
    public MongoCollection<Document> writing(String name) {
        return database.getCollection(writingName(name));
    }

    /**
     * Whether the current unit of work replays history into a generation being rebuilt ({@link CollectionView}):
     * for handlers with effects beyond their view (a live screen's push), which a replay must not repeat.
     */
    public static boolean rebuilding() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root().resources().containsKey(REBUILD);
    }

    /** The current unit of work's pending writes to {@code collection}. */
    public ViewBatch batch(String collection) {
        String target = writingName(collection);
        return staged("collection:" + target, () -> new ViewBatch(database.getCollection(target)));
    }

    private String writingName(String name) {
        String view = viewOfCollection.get(name);
        if (view == null) {
            return name;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<String, Long> targets = root.getOrComputeResource(TARGETS, k -> new HashMap<>());
        long generation = targets.computeIfAbsent(view, generations::live);
        return ViewGenerations.collectionName(name, generation);
    }

    /**
     * The current unit of work's staged writes under {@code key}, created on first use: for a view that folds a
     * batch in its own way (the ledger reads its running totals once per batch) yet is flushed with all others.
     */
    @SuppressWarnings("unchecked")
    public <T extends StagedWrites> T staged(String key, Supplier<T> factory) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<String, StagedWrites> batches = root.getOrComputeResource(RESOURCE, k -> {
            // A safety net for units of work that are not processor batches (tests, rebuilds, subscribing processors).
            root.onPrepareCommit(Views::flush);
            return new LinkedHashMap<>();
        });
        return (T) batches.computeIfAbsent(key, k -> factory.get());
    }

    /**
     * Writes everything the unit of work staged; idempotent, as later calls find nothing left to write. Folds
     * ({@link StagedWrites} other than {@link ViewBatch}) flush first, as they may stage their documents into a
     * collection's batch only then; the collections' batches are written after them.
     */
    static void flush(UnitOfWork<?> unitOfWork) {
        Map<String, StagedWrites> batches = unitOfWork.root().getResource(RESOURCE);
        if (batches != null) {
            List.copyOf(batches.values()).stream().filter(staged -> !(staged instanceof ViewBatch))
                    .forEach(StagedWrites::flush);
            List.copyOf(batches.values()).stream().filter(ViewBatch.class::isInstance)
                    .forEach(StagedWrites::flush);
        }
    }

    /**
     * The events of the current unit of work's batch: a processor's batch, or a rebuild's chunk; empty outside of
     * either. For folds that read every document a batch will change at once.
     */
    public static List<EventMessage<?>> batchEvents() {
        if (!CurrentUnitOfWork.isStarted()) {
            return List.of();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<?> messages = root instanceof BatchingUnitOfWork<?> batch ? batch.getMessages() : root.getResource(EVENTS);
        List<EventMessage<?>> events = new ArrayList<>();
        if (messages != null) {
            messages.forEach(message -> {
                if (message instanceof EventMessage<?> event) {
                    events.add(event);
                }
            });
        }
        return events;
    }

    /** The global log position of the event a tracking token points at. */
    public static long positionOf(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalArgumentException("token without position: " + token));
    }
}
