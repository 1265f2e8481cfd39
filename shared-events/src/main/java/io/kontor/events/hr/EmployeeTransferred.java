package io.kontor.events.hr;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/** From {@code effective} on, the employee works in {@code department} as {@code role}. */
@Revision("1")
public record EmployeeTransferred(String employeeId, String department, String role, LocalDate effective) {

    public EmployeeTransferred {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(effective, "effective");
    }
}
