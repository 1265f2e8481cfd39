package io.kontor.command.hr;

import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.time.YearMonth;

/** Pay a month's payroll run from the bank, all of it, on {@code date}. */
public record PayPayroll(YearMonth period, LocalDate date) {

    public PayPayroll {
        Checks.required(period, "period");
        Fields.date(date, "date");
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Payroll.streamId(period);
    }
}
