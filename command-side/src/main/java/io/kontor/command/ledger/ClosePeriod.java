package io.kontor.command.ledger;

import io.kontor.shared.KontorException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Close an accounting month ({@code yyyy-MM}). */
public record ClosePeriod(@TargetAggregateIdentifier String period) {

    public ClosePeriod {
        if (period == null) {
            throw KontorException.invalidField("period", "period is required");
        }
        try {
            period = YearMonth.parse(period).toString();
        } catch (DateTimeParseException e) {
            throw KontorException.invalidField("period", "period must be a month as yyyy-MM, not '" + period + "'");
        }
    }
}
