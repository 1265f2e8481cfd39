package io.kontor.query.common;

import org.axonframework.eventhandling.TrackedEventMessage;

import java.time.Instant;

/**
 * A view that {@link ProjectionRebuilds} can rebuild beside its live generation. Its name is its processing group
 * (whose processor the rebuild stops for the swap and restarts at the rebuilt position).
 */
public interface RebuildableView {

    /** The view's name, which is also its processing group. */
    String name();

    /** A fresh, empty generation after the live one (whatever a failed rebuild left there is dropped first). */
    Generation nextGeneration();

    /** A generation being rebuilt: filled a batch at a time, then made live or dropped. */
    interface Generation {

        long number();

        /**
         * How many events a rebuild may stage before writing them. A view whose write cost grows with the documents
         * a write touches, not with the events, rebuilds faster when it folds many events into each write.
         */
        default int eventsPerWrite() {
            return 1;
        }

        /** A batch of events for this generation, written once by its {@code flush()}. */
        Batch batch();

        /**
         * Makes this generation the live one, recorded for restarts before queries and the projection switch to it
         * in memory; answers what drops the generation it replaced.
         */
        Runnable goLive();

        /** Drops this generation's collections (a rebuild that failed). */
        void drop();
    }

    interface Batch extends Views.StagedWrites {

        void add(TrackedEventMessage<?> event);
    }

    /** A batch of a view that folds events by log position, time and payload (the ledger's, the KPIs'). */
    interface PayloadBatch extends Views.StagedWrites {

        /** Stages the event at its log position; {@code timestamp} is when it was appended. */
        void add(long position, Instant timestamp, Object payload);
    }
}
