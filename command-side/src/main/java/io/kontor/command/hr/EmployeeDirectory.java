package io.kontor.command.hr;

import io.kontor.events.hr.EmployeeHired;
import io.kontor.events.hr.EmployeeTerminated;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Who is employed when, for commands outside HR that name an employee (a phone message for them, for example):
 * read from the employee's own stream in the log (its snapshot, then the events after it), so it never lags behind a
 * hire or a termination the way a view can, and without the repository's lock, so it joins no unit of work.
 */
@Component
public class EmployeeDirectory {

    private final EventStore events;

    public EmployeeDirectory(EventStore events) {
        this.events = events;
    }

    /** An employee's employment: from {@code startDate} to {@code lastDay} (both included), or open-ended. */
    public record Employment(String employeeId, LocalDate startDate, LocalDate lastDay) {

        public boolean employedOn(LocalDate date) {
            return !date.isBefore(startDate) && (lastDay == null || !date.isAfter(lastDay));
        }
    }

    /** The employee's employment as the log has it, or empty if no such employee was ever hired. */
    public Optional<Employment> employment(String employeeId) {
        DomainEventStream stream = events.readEvents(Employee.streamId(employeeId));
        Employment employment = null;
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof Employee snapshot) {
                employment = snapshot.employment();
            } else if (payload instanceof EmployeeHired hired) {
                employment = new Employment(hired.employeeId(), hired.startDate(), null);
            } else if (payload instanceof EmployeeTerminated terminated && employment != null) {
                employment = new Employment(employment.employeeId(), employment.startDate(), terminated.lastDay());
            }
        }
        return Optional.ofNullable(employment);
    }

    /**
     * Refuses an employee who was never hired (404) or is not employed on {@code date} (422 {@code
     * EMPLOYEE_NOT_ACTIVE}: not started yet, or left); {@code field} is the request field that named them.
     */
    public Employment requireEmployedOn(String employeeId, LocalDate date, String field) {
        Employment employment = employment(employeeId).orElseThrow(() -> new KontorException(ErrorCode.NOT_FOUND,
                "no employee " + employeeId, Map.of("field", field)));
        if (!employment.employedOn(date)) {
            throw new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED, "employee " + employeeId + " is not employed on "
                    + date + " (employed from " + employment.startDate()
                    + (employment.lastDay() == null ? "" : " to " + employment.lastDay()) + ")",
                    Map.of("rule", "EMPLOYEE_NOT_ACTIVE", "field", field));
        }
        return employment;
    }
}
