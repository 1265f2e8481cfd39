package io.kontor.events.hr;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/** The employee's shift on {@code date} is cancelled. */
@Revision("1")
public record ShiftCancelled(String employeeId, String shiftId, LocalDate date) {

    public ShiftCancelled {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(shiftId, "shiftId");
        Objects.requireNonNull(date, "date");
    }
}
