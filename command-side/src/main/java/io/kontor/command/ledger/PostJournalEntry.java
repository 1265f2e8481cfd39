package io.kontor.command.ledger;

import io.kontor.events.ledger.JournalLine;
import io.kontor.shared.KontorException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Post a manual journal entry. The shape is checked here (a bad command never reaches the aggregate); whether it
 * balances, and whether its accounts and period allow it, is the aggregate's business.
 */
public record PostJournalEntry(@TargetAggregateIdentifier String entryId, LocalDate date, String description,
                               List<JournalLine> lines) {

    public static final int MAX_LINES = 500;

    public PostJournalEntry {
        if (entryId == null || entryId.isBlank()) {
            throw KontorException.invalidField("id", "an entry id is required");
        }
        if (date == null) {
            throw KontorException.invalidField("date", "date is required");
        }
        if (description == null || description.isBlank()) {
            throw KontorException.invalidField("description", "description is required");
        }
        if (description.length() > 500) {
            throw KontorException.invalidField("description", "description is longer than 500 characters");
        }
        if (lines == null || lines.size() < 2) {
            throw KontorException.invalidField("lines", "a journal entry has at least two lines");
        }
        if (lines.size() > MAX_LINES) {
            throw KontorException.invalidField("lines", "a journal entry has at most " + MAX_LINES + " lines");
        }
        lines = List.copyOf(lines);
    }
}
