package io.kontor.query.ledger.posting;

import io.kontor.events.ledger.JournalLine;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What one event posts to the general ledger: balanced lines, effective on {@code date}, under a reference (the
 * entry, invoice or order it belongs to) that the ledger shows beside each line.
 */
public record Posting(LocalDate date, String reference, String description, List<JournalLine> lines) {

    public Posting {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(description, "description");
        lines = List.copyOf(lines);
    }
}
