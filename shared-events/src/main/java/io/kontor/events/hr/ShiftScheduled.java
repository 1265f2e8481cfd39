package io.kontor.events.hr;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * The employee works {@code date} from {@code start} to {@code end}; {@code role} and {@code location} are optional.
 * Carries the employee's name and department that day, so the roster needs no other view.
 */
@Revision("1")
public record ShiftScheduled(String employeeId, String shiftId, LocalDate date, LocalTime start, LocalTime end,
                             String role, String location, String name, String department) {

    public ShiftScheduled {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(shiftId, "shiftId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(department, "department");
    }
}
