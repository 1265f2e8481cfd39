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
            return !date.isBefore(startDate) && !hasLeftBy(date);
        }

        /** Whether {@code date} is after the last day employed. */
        public boolean hasLeftBy(LocalDate date) {
            return lastDay != null && date.isAfter(lastDay);
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
     * Refuses an employee who was never hired (404) or whose last day is before {@code date} (422 {@code
     * EMPLOYEE_NOT_ACTIVE}); {@code field} is the request field that named them. Someone hired to start later is
     * active already: a message or a visitor for a new colleague can wait for their first day.
     */
    public Employment requireActive(String employeeId, LocalDate date, String field) {
        Employment employment = employment(employeeId).orElseThrow(() -> new KontorException(ErrorCode.NOT_FOUND,
                "no employee " + employeeId, Map.of("field", field)));
        if (employment.hasLeftBy(date)) {
            throw new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED, "employee " + employeeId + " left on "
                    + employment.lastDay(), Map.of("rule", "EMPLOYEE_NOT_ACTIVE", "field", field));
        }
        return employment;
    }
}
