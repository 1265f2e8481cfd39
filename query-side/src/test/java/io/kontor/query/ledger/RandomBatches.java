package io.kontor.query.ledger;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Feeds a log's events to view harnesses the way processors deliver them: in batches of chosen sizes, some
 * delivered a second time as after a crash. The identity properties of every area share it.
 */
final class RandomBatches {

    private RandomBatches() {
    }

    /** One batch: how many events, and whether it is redelivered right after. */
    record Cut(int size, boolean redeliver) {
    }

    /** A view under test: applies a batch (answering its first position) and redelivers one. */
    record View(Function<List<Object>, Long> batch, BiConsumer<Long, List<Object>> redeliver) {
    }

    /** Applies the events cut by {@code cuts} to every view, and whatever remains as one last batch. */
    static void feed(List<Object> events, List<Cut> cuts, View... views) {
        int from = 0;
        for (Cut cut : cuts) {
            if (from >= events.size()) {
                break;
            }
            List<Object> batch = events.subList(from, Math.min(events.size(), from + cut.size()));
            for (View view : views) {
                long first = view.batch().apply(batch);
                if (cut.redeliver()) {
                    view.redeliver().accept(first, batch);
                }
            }
            from += batch.size();
        }
        List<Object> rest = events.subList(from, events.size());
        for (View view : views) {
            view.batch().apply(rest);
        }
    }
}
