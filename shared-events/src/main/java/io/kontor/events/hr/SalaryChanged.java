package io.kontor.events.hr;

import io.kontor.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/** From {@code effective} on, the employee's monthly salary is {@code monthlySalary}. */
@Revision("1")
public record SalaryChanged(String employeeId, Money monthlySalary, LocalDate effective) {

    public SalaryChanged {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(monthlySalary, "monthlySalary");
        Objects.requireNonNull(effective, "effective");
    }
}
