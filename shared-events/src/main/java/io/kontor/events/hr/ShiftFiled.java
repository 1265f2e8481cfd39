package io.kontor.events.hr;

import org.axonframework.serialization.Revision;

import java.util.Objects;

/**
 * A shift id was taken and filed under its employee, in the same commit as {@link ShiftScheduled}: so that
 * {@code /api/shifts/{id}/cancel} finds the employee from the log, and a shift id is never used twice.
 */
@Revision("1")
public record ShiftFiled(String shiftId, String employeeId) {

    public ShiftFiled {
        Objects.requireNonNull(shiftId, "shiftId");
        Objects.requireNonNull(employeeId, "employeeId");
    }
}
