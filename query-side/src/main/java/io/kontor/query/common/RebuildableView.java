package io.kontor.query.common;

import org.axonframework.eventhandling.TrackedEventMessage;

import java.time.Instant;
import java.util.function.Supplier;

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
         * Writes whatever this generation's batches held back for a later write (a view may keep what the next
         * batches are likely to change in memory, to write it once). A catch-up calls it when it has applied all it
         * read, so everything applied is written before the generation goes live.
         */
        default void complete() {
        }

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

        /**
         * Stages the event at its log position; {@code timestamp} answers when it was appended (parsed only when
         * asked: a view that folds by position alone, the ledger, never pays for it).
         */
        void add(long position, Supplier<Instant> timestamp, Object payload);
    }

    /**
     * The batches of one rebuild into a generation. A view that writes each batch whole is a batch factory
     * ({@code () -> new ItsBatch(store)}); one whose batches keep documents in memory across writes also writes
     * them out in {@link #complete()}.
     */
    interface Replay {

        PayloadBatch batch();

        /** Writes what the batches held back ({@link Generation#complete()}). */
        default void complete() {
        }
    }
}
