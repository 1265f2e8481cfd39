package io.kontor.command.hr;

import io.kontor.events.hr.PayrollRecorded;
import io.kontor.events.hr.Payslip;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * {@link Staff} on Axon's repositories: every load joins the current unit of work and its commit. Whether a stream
 * exists is read from its head, which costs one event however long the stream is.
 */
@Component
public class RepositoryStaff implements Staff {

    private final Repository<Employee> employees;
    private final Repository<EmployeeRegistry> registry;
    private final Repository<Shift> shifts;
    private final EventStore events;

    public RepositoryStaff(Repository<Employee> employees, Repository<EmployeeRegistry> registry,
                           Repository<Shift> shifts, EventStore events) {
        this.employees = employees;
        this.registry = registry;
        this.shifts = shifts;
        this.events = events;
    }

    @Override
    public void enrol(String employeeId, LocalDate startDate) {
        try {
            registry.loadOrCreate(EmployeeRegistry.STREAM_ID, EmployeeRegistry::new)
                    .execute(r -> r.enrol(employeeId, startDate));
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    @Override
    public void recordPayroll(YearMonth period) {
        try {
            registry.loadOrCreate(EmployeeRegistry.STREAM_ID, EmployeeRegistry::new)
                    .execute(r -> r.recordPayroll(period));
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    /** From the registry's stream as stored (its snapshot, then the events after it), without the repository's lock. */
    @Override
    public Optional<YearMonth> latestPayroll() {
        DomainEventStream stream = events.readEvents(EmployeeRegistry.STREAM_ID);
        Optional<YearMonth> latest = Optional.empty();
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            Optional<YearMonth> seen = Optional.empty();
            if (payload instanceof EmployeeRegistry snapshot) {
                seen = snapshot.latestPayroll();
            } else if (payload instanceof PayrollRecorded recorded) {
                seen = Optional.of(YearMonth.parse(recorded.period()));
            }
            if (seen.isPresent() && (latest.isEmpty() || seen.get().isAfter(latest.get()))) {
                latest = seen;
            }
        }
        return latest;
    }

    @Override
    public List<String> employees() {
        if (!events.readEvents(EmployeeRegistry.STREAM_ID, 0).hasNext()) {
            return List.of();
        }
        return registry.load(EmployeeRegistry.STREAM_ID).invoke(EmployeeRegistry::employeeIds);
    }

    @Override
    public Optional<Payslip> payslip(String employeeId, YearMonth period) {
        return employees.load(Employee.streamId(employeeId)).invoke(employee -> employee.payslip(period));
    }

    @Override
    public boolean shiftExists(String shiftId) {
        // From sequence 0: a stream exists iff it has a first event, so the snapshot lookup (a round trip) is skipped.
        return events.readEvents(Shift.streamId(shiftId), 0).hasNext();
    }

    @Override
    public void fileShift(String shiftId, String employeeId) {
        try {
            shifts.newInstance(() -> new Shift(shiftId, employeeId));
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    @Override
    public void cancelShift(String employeeId, String shiftId) {
        employees.load(Employee.streamId(employeeId)).execute(employee -> employee.cancelShift(shiftId));
    }
}
