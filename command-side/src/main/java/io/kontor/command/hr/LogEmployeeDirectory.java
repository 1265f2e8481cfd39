package io.kontor.command.hr;

import io.kontor.events.hr.EmployeeHired;
import io.kontor.events.hr.EmployeeTerminated;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The employee directory as the log has it: the employee's own stream (its snapshot, then the events after it), so
 * it never lags behind a hire or a termination the way a view can, and without the repository's lock, so it joins
 * no unit of work.
 */
@Component
public class LogEmployeeDirectory implements EmployeeDirectory {

    private final EventStore events;

    public LogEmployeeDirectory(EventStore events) {
        this.events = events;
    }

    @Override
    public Optional<Employment> employment(String employeeId) {
        DomainEventStream stream = events.readEvents(Employee.streamId(employeeId));
        Employment employment = null;
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof Employee snapshot) {
                employment = snapshot.employment();
            } else if (payload instanceof EmployeeHired hired) {
                employment = new Employment(hired.employeeId(), hired.name(), hired.startDate(), null);
            } else if (payload instanceof EmployeeTerminated terminated && employment != null) {
                employment = new Employment(employment.employeeId(), employment.name(), employment.startDate(),
                        terminated.lastDay());
            }
        }
        return Optional.ofNullable(employment);
    }
}
