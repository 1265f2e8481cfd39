package io.kontor.command.hr;

import io.kontor.shared.Checks;
import io.kontor.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Pay an employee {@code monthlySalary} from {@code effective} on. */
public record ChangeSalary(String employeeId, Money monthlySalary, LocalDate effective) {

    public ChangeSalary {
        Checks.id(employeeId, "id");
        Fields.salary(monthlySalary, "monthlySalary");
        Fields.date(effective, "effective");
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Employee.streamId(employeeId);
    }
}
