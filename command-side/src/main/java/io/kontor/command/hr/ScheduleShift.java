package io.kontor.command.hr;

import io.kontor.shared.Checks;
import io.kontor.shared.KontorException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

/** The employee works {@code date} from {@code start} to {@code end} (same day), optionally in a role or place. */
public record ScheduleShift(String employeeId, String shiftId, LocalDate date, LocalTime start, LocalTime end,
                            String role, String location) {

    static final Duration MAX_LENGTH = Duration.ofHours(16);

    public ScheduleShift {
        Checks.id(employeeId, "employee");
        Checks.id(shiftId, "id");
        Fields.date(date, "date");
        Checks.required(start, "start");
        Checks.required(end, "end");
        if (!end.isAfter(start)) {
            throw KontorException.invalidField("end", "a shift ends after it starts");
        }
        if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
            throw KontorException.invalidField("end", "a shift is at most 16 hours");
        }
        role = Checks.optionalText(role, "role", 60);
        location = Checks.optionalText(location, "location", 60);
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Employee.streamId(employeeId);
    }
}
