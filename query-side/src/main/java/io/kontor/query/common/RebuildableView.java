package io.kontor.query.common;

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

        void add(long position, Object event);
    }
}
