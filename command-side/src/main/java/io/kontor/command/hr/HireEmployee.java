package io.kontor.command.hr;

import io.kontor.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Hire an employee into a department and role at a monthly salary, employed from {@code startDate}. */
public record HireEmployee(String employeeId, String name, String department, String role, Money monthlySalary,
                           LocalDate startDate) {

    public HireEmployee {
        Fields.id(employeeId, "id");
        Fields.text(name, "name", 100);
        Fields.text(department, "department", 60);
        Fields.text(role, "role", 60);
        Fields.salary(monthlySalary, "monthlySalary");
        Fields.date(startDate, "startDate");
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Employee.streamId(employeeId);
    }
}
