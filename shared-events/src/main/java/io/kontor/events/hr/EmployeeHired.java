package io.kontor.events.hr;

import io.kontor.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/** An employee was hired into {@code department} as {@code role} at a monthly salary, employed from {@code startDate}. */
@Revision("1")
public record EmployeeHired(String employeeId, String name, String department, String role, Money monthlySalary,
                            LocalDate startDate) {

    public EmployeeHired {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(monthlySalary, "monthlySalary");
        Objects.requireNonNull(startDate, "startDate");
    }
}
