package io.kontor.command.hr;

import io.kontor.events.hr.AbsenceKind;
import io.kontor.shared.Checks;
import io.kontor.shared.KontorException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Objects;

/** The employee is away from {@code from} to {@code to}, both included. */
public record RecordAbsence(String employeeId, String absenceId, AbsenceKind kind, LocalDate from, LocalDate to) {

    /** Longer absences are recorded in parts; this keeps one absence from covering years by a typo. */
    static final int MAX_DAYS = 366;

    public RecordAbsence {
        Checks.id(employeeId, "employee");
        Objects.requireNonNull(absenceId, "absenceId");
        Checks.required(kind, "kind");
        Fields.date(from, "from");
        Fields.date(to, "to");
        if (to.isBefore(from)) {
            throw KontorException.invalidField("to", "to must not be before from");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw KontorException.invalidField("to", "an absence is at most " + MAX_DAYS + " days");
        }
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Employee.streamId(employeeId);
    }
}
