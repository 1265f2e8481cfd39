package io.kontor.events.hr;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The employee is away from {@code from} to {@code to}, both included. Carries the employee's name and department on
 * {@code from}, so the roster needs no other view.
 */
@Revision("1")
public record AbsenceRecorded(String employeeId, String absenceId, AbsenceKind kind, LocalDate from, LocalDate to,
                              String name, String department) {

    public AbsenceRecorded {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(absenceId, "absenceId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(department, "department");
    }
}
