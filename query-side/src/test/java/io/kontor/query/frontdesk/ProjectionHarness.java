package io.kontor.query.frontdesk;

import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.testing.TestMongo;
import io.kontor.query.common.Views;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Applies events, each stamped with a given time, to a front-desk projection on a fresh database through its own
 * handlers, in batches the way the processor does (one unit of work per batch, flushed at commit), without starting
 * Axon's processors. Changes reported to the live screens are recorded, once the batch has committed.
 */
public final class ProjectionHarness {

    public record Stamped(Object event, Instant at) {
    }

    public final MongoDatabase database = TestMongo.freshDatabase();
    public final Views views = new Views(database);
    /** What the live screens were sent: screen, kind and position of each change, in order. */
    public final List<String> published = new ArrayList<>();
    public final LiveScreens live = new LiveScreens(null) {
        @Override
        public void changed(String screen, long position, String kind, Object item) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            List<String> pending = root.getOrComputeResource("published", key -> {
                List<String> batch = new ArrayList<>();
                root.afterCommit(u -> published.addAll(batch));
                return batch;
            });
            pending.add(screen + " " + kind + " @" + position);
        }
    };
    private final AnnotationEventHandlerAdapter handlers;
    private final List<Stamped> log = new ArrayList<>();

    public ProjectionHarness(Function<ProjectionHarness, Object> projection) {
        this.handlers = new AnnotationEventHandlerAdapter(projection.apply(this));
    }

    public static Stamped at(String instant, Object event) {
        return new Stamped(event, Instant.parse(instant));
    }

    /** Appends the events at the next positions and applies them as one batch. */
    public long batch(Stamped... events) {
        long first = log.size() + 1;
        log.addAll(List.of(events));
        applyAt(first, List.of(events));
        return first;
    }

    /** Applies the events from {@code firstPosition} on again, as a redelivery after a crash does. */
    public void redeliver(long firstPosition, int count) {
        applyAt(firstPosition, log.subList((int) firstPosition - 1, (int) firstPosition - 1 + count));
    }

    private void applyAt(long firstPosition, List<Stamped> events) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            long position = firstPosition;
            for (Stamped stamped : events) {
                GenericEventMessage<Object> message = new GenericEventMessage<>(UUID.randomUUID().toString(),
                        stamped.event(), MetaData.emptyInstance(), stamped.at());
                handlers.handle(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position++), message));
            }
        } catch (Exception e) {
            batch.rollback(e);
            throw new IllegalStateException(e);
        }
        batch.commit();
    }
}
