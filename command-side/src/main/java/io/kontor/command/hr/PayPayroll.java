package io.kontor.command.hr;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.time.YearMonth;

/** Pay a month's payroll run from the bank, all of it, on {@code date}. */
public record PayPayroll(YearMonth period, LocalDate date) {

    public PayPayroll {
        Fields.required(period, "period");
        Fields.date(date, "date");
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Payroll.streamId(period);
    }
}
