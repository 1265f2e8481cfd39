package io.kontor.events.hr;

import io.kontor.shared.Money;

import java.util.Objects;

/** One employee's gross pay in a payroll run: {@code daysEmployed} calendar days of the month, rounded to øre. */
public record Payslip(String employeeId, String name, String department, int daysEmployed, Money gross) {

    public Payslip {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(gross, "gross");
    }
}
