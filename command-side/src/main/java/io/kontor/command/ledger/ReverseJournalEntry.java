package io.kontor.command.ledger;

import io.kontor.shared.KontorException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Reverse a posted journal entry by a mirror entry dated {@code date}. */
public record ReverseJournalEntry(@TargetAggregateIdentifier String entryId, String reversalEntryId, LocalDate date,
                                  String reason) {

    public ReverseJournalEntry {
        if (entryId == null || entryId.isBlank()) {
            throw KontorException.invalidField("id", "the entry to reverse is required");
        }
        if (reversalEntryId == null || reversalEntryId.isBlank()) {
            throw KontorException.invalidField("reversalEntryId", "the reversal's entry id is required");
        }
        if (date == null) {
            throw KontorException.invalidField("date", "date is required");
        }
        if (reason == null || reason.isBlank()) {
            throw KontorException.invalidField("reason", "a reason is required");
        }
        if (reason.length() > 500) {
            throw KontorException.invalidField("reason", "reason is longer than 500 characters");
        }
    }
}
