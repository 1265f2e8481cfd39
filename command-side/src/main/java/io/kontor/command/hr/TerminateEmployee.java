package io.kontor.command.hr;

import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** End an employee's employment; {@code lastDay} is their last day employed. */
public record TerminateEmployee(String employeeId, LocalDate lastDay) {

    public TerminateEmployee {
        Checks.id(employeeId, "id");
        Fields.date(lastDay, "date");
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Employee.streamId(employeeId);
    }
}
