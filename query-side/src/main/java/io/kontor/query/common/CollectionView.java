package io.kontor.query.common;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A view kept in plain collections written through {@link Views} by its projection's own event handlers, made
 * rebuildable: a rebuild runs the same handlers over the log, in units of work whose writes {@link Views} directs
 * to the next generation's collections ({@code <name>_g<n>}), while queries read the live generation through
 * {@link Views#collection(String)}. Going live records the generation in {@link ViewGenerations}, which every
 * query and every later batch of the view's processor reads; the replaced generation's collections are dropped.
 */
public final class CollectionView implements RebuildableView {

    private final String name;
    private final List<String> collections;
    private final List<AnnotationEventHandlerAdapter> handlers;
    private final MongoDatabase database;
    private final ViewGenerations generations;

    /**
     * {@code projections}: the view's event handler beans (those of processing group {@code name});
     * {@code collections}: every collection they write, by base name.
     */
    public CollectionView(String name, List<String> collections, List<Object> projections, Views views,
                          MongoDatabase database, ViewGenerations generations) {
        this.name = name;
        this.collections = List.copyOf(collections);
        this.handlers = projections.stream().map(AnnotationEventHandlerAdapter::new).toList();
        this.database = database;
        this.generations = generations;
        views.register(name, collections);
    }

    @Override
    public String name() {
        return name;
    }

    /** The collections of the live generation, by base name (the view's documents, for comparisons). */
    public List<String> liveCollectionNames() {
        long live = generations.live(name);
        return collections.stream().map(base -> ViewGenerations.collectionName(base, live)).toList();
    }

    @Override
    public Generation nextGeneration() {
        long live = generations.live(name);
        long next = live + 1;
        dropGeneration(next);
        return new Generation() {

            @Override
            public long number() {
                return next;
            }

            @Override
            public Batch batch() {
                List<TrackedEventMessage<?>> staged = new ArrayList<>();
                return new Batch() {
                    @Override
                    public void add(TrackedEventMessage<?> event) {
                        staged.add(event);
                    }

                    @Override
                    public void flush() {
                        if (!staged.isEmpty()) {
                            apply(staged, next);
                            staged.clear();
                        }
                    }
                };
            }

            @Override
            public Runnable goLive() {
                generations.setLive(name, next);
                return () -> dropGeneration(live);
            }

            @Override
            public void drop() {
                dropGeneration(next);
            }
        };
    }

    /** Runs the handlers over {@code events} in one unit of work that writes {@code generation}. */
    private void apply(List<TrackedEventMessage<?>> events, long generation) {
        UnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(events.get(0));
        Map<String, Long> targets = new HashMap<>();
        targets.put(name, generation);
        unitOfWork.resources().put(Views.TARGETS, targets);
        unitOfWork.resources().put(Views.REBUILD, Boolean.TRUE);
        unitOfWork.resources().put(Views.EVENTS, events);
        var result = unitOfWork.executeWithResult(() -> {
            for (TrackedEventMessage<?> event : events) {
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(event)) {
                        handler.handle(event);
                    }
                }
            }
            return null;
        });
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException e ? e : new IllegalStateException(failure);
        }
    }

    private void dropGeneration(long generation) {
        collections.forEach(base -> database.getCollection(ViewGenerations.collectionName(base, generation)).drop());
    }
}
