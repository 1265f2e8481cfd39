package io.kontor.query.audit;

import io.kontor.eventlog.KontorEventStorageEngine;
import io.kontor.eventlog.audit.LogReader;
import io.kontor.eventlog.audit.LoggedEvent;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The log read for auditors: pages, filters, one aggregate, exports. Every read is bounded by the head taken at its
 * start, and a filtered page examines at most {@link #MAX_SCAN} events (then answers what it found with a
 * {@code next} cursor), so no request walks the whole log.
 */
class AuditLog {

    static final int MAX_LIMIT = 1000;
    static final int MAX_SCAN = 20_000;
    private static final int READ_BATCH = 500;

    private final LogReader reader;
    private final KontorEventStorageEngine engine;

    AuditLog(LogReader reader, KontorEventStorageEngine engine) {
        this.reader = reader;
        this.engine = engine;
    }

    long head() {
        return engine.headPosition();
    }

    /** What a page keeps: every given criterion must hold. */
    record Filter(String type, String aggregateId, Instant from, Instant to) implements Predicate<LoggedEvent> {

        @Override
        public boolean test(LoggedEvent event) {
            return (type == null || event.hasType(type))
                    && (aggregateId == null || aggregateId.equals(event.aggregateId()))
                    && (from == null || !event.timestamp().isBefore(from))
                    && (to == null || event.timestamp().isBefore(to));
        }
    }

    EventPage page(long after, int limit, Filter filter) {
        if (after < 0) {
            throw KontorException.invalidField("after", "after must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw KontorException.invalidField("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        long head = head();
        List<AuditEvent> events = new ArrayList<>();
        if (filter.aggregateId() != null) {
            // one aggregate's events are found by their keys, without reading anything else
            List<LoggedEvent> matching = reader.aggregate(filter.aggregateId()).stream()
                    .filter(event -> event.position() > after && event.position() <= head && filter.test(event))
                    .toList();
            matching.stream().limit(limit).map(AuditEvent::of).forEach(events::add);
            long next = matching.size() > limit ? events.get(limit - 1).position() : Math.max(after, head);
            return new EventPage(events, next, head);
        }
        long examined = Math.min(after, head);
        long scanEnd = Math.min(head, examined + MAX_SCAN);
        while (examined < scanEnd && events.size() < limit) {
            int batch = (int) Math.min(READ_BATCH, scanEnd - examined);
            List<LoggedEvent> read = reader.after(examined, batch);
            if (read.isEmpty()) {
                break;
            }
            for (LoggedEvent event : read) {
                examined = event.position();
                if (filter.test(event)) {
                    events.add(AuditEvent.of(event));
                    if (events.size() == limit) {
                        break;
                    }
                }
            }
        }
        return new EventPage(events, examined, head);
    }

    List<AuditEvent> aggregate(String aggregateId) {
        List<LoggedEvent> history = reader.aggregate(aggregateId);
        if (history.isEmpty()) {
            throw new KontorException(ErrorCode.NOT_FOUND, "no events for aggregate " + aggregateId);
        }
        return history.stream().map(AuditEvent::of).toList();
    }

    AuditEvent event(long position) {
        return find(position).map(AuditEvent::of).orElseThrow(() -> noEvent(position));
    }

    Optional<LoggedEvent> find(long position) {
        return position < 1 || position > head() ? Optional.empty() : reader.at(position);
    }

    static KontorException noEvent(long position) {
        return new KontorException(ErrorCode.NOT_FOUND, "the log has no event at position " + position);
    }

    /** Hands every event in {@code (after, to]} to {@code sink} in order, a batch at a time (bounded memory). */
    void export(long after, long to, Consumer<AuditEvent> sink) {
        long next = after;
        while (next < to) {
            List<LoggedEvent> read = reader.after(next, (int) Math.min(READ_BATCH, to - next));
            if (read.isEmpty()) {
                return;
            }
            for (LoggedEvent event : read) {
                sink.accept(AuditEvent.of(event));
                next = event.position();
            }
        }
    }
}
