package io.kontor.events.ledger;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A journal entry was reversed by a mirror entry, {@code reversalEntryId}, dated {@code date}. The event carries
 * the mirrored lines it posts; the original entry stays in the log untouched, and can be reversed only once.
 */
@Revision("1")
public record JournalEntryReversed(String entryId, String reversalEntryId, LocalDate date, String reason,
                                   List<JournalLine> lines) {

    public JournalEntryReversed {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(reversalEntryId, "reversalEntryId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(reason, "reason");
        lines = List.copyOf(lines);
    }
}
