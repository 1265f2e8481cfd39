package io.kontor.events.hr;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/** The employee's employment ends; {@code lastDay} is the last day employed (and paid). */
@Revision("1")
public record EmployeeTerminated(String employeeId, LocalDate lastDay) {

    public EmployeeTerminated {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(lastDay, "lastDay");
    }
}
