package io.kontor.command.hr;

import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.YearMonth;

/** Run the payroll of one month: once per month. */
public record RunPayroll(YearMonth period) {

    public RunPayroll {
        Checks.required(period, "period");
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Payroll.streamId(period);
    }
}
