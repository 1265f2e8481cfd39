package io.kontor.events.ledger;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A manual journal entry was posted. It carries every line it posts, balanced in one currency, so the ledger
 * projection never looks anything up. {@code date} is the effective date; the period of that date was open.
 */
@Revision("1")
public record JournalEntryPosted(String entryId, LocalDate date, String description, List<JournalLine> lines) {

    public JournalEntryPosted {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(description, "description");
        lines = List.copyOf(lines);
    }
}
