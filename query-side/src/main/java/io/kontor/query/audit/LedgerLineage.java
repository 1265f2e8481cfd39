package io.kontor.query.audit;

import io.kontor.events.ledger.JournalLine;
import io.kontor.query.ledger.posting.Posting;
import io.kontor.query.ledger.posting.PostingRules;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * From an event to the ledger lines it produced. Posting rules are pure functions of the event, so the lines are
 * recomputed from the event as the engine delivers it to the ledger projection (deserialized, upcast), not looked up
 * in the view: they are exactly what the projection applied at that position. Each line names the ledger query that
 * shows it (the account on the posting's date, where the line carries this position). The other direction needs no
 * code: every ledger line carries its source position, and {@code GET /api/audit/events/{position}} reads it.
 */
class LedgerLineage {

    private final EventStorageEngine engine;
    private final PostingRules rules;

    LedgerLineage(EventStorageEngine engine, PostingRules rules) {
        this.engine = engine;
        this.rules = rules;
    }

    /** What the ledger line shows for one posted line. */
    record Line(String account, String side, String amount, String currency, String ledger) {
    }

    /** The event at a position and the lines it posted; {@code posts} is false for an event that posts nothing. */
    record Lineage(long position, String type, boolean posts, LocalDate date, String reference, String description,
                   List<Line> lines, String derivation) {
    }

    static final String DERIVATION = "recomputed from the event by the ledger's pure posting rules, "
            + "the same function the ledger projection applied at this position";

    Optional<Lineage> of(long position) {
        if (position < 1) {
            return Optional.empty();
        }
        TrackedEventMessage<?> event;
        try (Stream<? extends TrackedEventMessage<?>> events =
                     engine.readEvents(new GlobalSequenceTrackingToken(position - 1), false)) {
            event = events.findFirst().orElse(null);
        }
        if (event == null || event.trackingToken().position().orElse(-1) != position) {
            return Optional.empty();
        }
        String type = event.getPayloadType().getSimpleName();
        Optional<Posting> posting = rules.postingFor(event.getPayload());
        if (posting.isEmpty()) {
            return Optional.of(new Lineage(position, type, false, null, null, null, List.of(), DERIVATION));
        }
        Posting p = posting.get();
        List<Line> lines = p.lines().stream().map(line -> line(line, p.date())).toList();
        return Optional.of(new Lineage(position, type, true, p.date(), p.reference(), p.description(), lines,
                DERIVATION));
    }

    private static Line line(JournalLine line, LocalDate date) {
        return new Line(line.account(), line.side().name(), line.amount().amount().toPlainString(),
                line.amount().currency().getCurrencyCode(),
                "/api/accounts/" + line.account() + "/ledger?from=" + date + "&to=" + date);
    }
}
