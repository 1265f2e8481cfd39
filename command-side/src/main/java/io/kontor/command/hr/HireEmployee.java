package io.kontor.command.hr;

import io.kontor.shared.Checks;
import io.kontor.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Hire an employee into a department and role at a monthly salary, employed from {@code startDate}. */
public record HireEmployee(String employeeId, String name, String department, String role, Money monthlySalary,
                           LocalDate startDate) {

    public HireEmployee {
        Checks.id(employeeId, "id");
        Checks.text(name, "name", 100);
        Checks.text(department, "department", 60);
        Checks.text(role, "role", 60);
        Fields.salary(monthlySalary, "monthlySalary");
        Fields.date(startDate, "startDate");
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Employee.streamId(employeeId);
    }
}
