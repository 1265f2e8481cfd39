package io.kontor.query.common;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies events to any projection through its own handlers, in batches the way its processor does (one unit of work
 * per batch, flushed at commit), at dense log positions, without starting Axon's processors.
 */
public final class ProjectionHarness {

    private final AnnotationEventHandlerAdapter handlers;
    private final List<Object> log = new ArrayList<>();

    public ProjectionHarness(Object projection) {
        this.handlers = new AnnotationEventHandlerAdapter(projection);
    }

    /** Appends the events at the next positions and applies them as one batch; answers the first position. */
    public long batch(Object... events) {
        long first = log.size() + 1;
        log.addAll(List.of(events));
        applyAt(first, List.of(events));
        return first;
    }

    /** Applies the events from {@code firstPosition} on again, as a redelivery after a crash does. */
    public void redeliver(long firstPosition, int count) {
        applyAt(firstPosition, log.subList((int) firstPosition - 1, (int) firstPosition - 1 + count));
    }

    private void applyAt(long firstPosition, List<?> events) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            long position = firstPosition;
            for (Object event : events) {
                handlers.handle(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position++),
                        GenericEventMessage.asEventMessage(event)));
            }
        } catch (Exception e) {
            batch.rollback(e);
            throw new IllegalStateException(e);
        }
        batch.commit();
    }
}
