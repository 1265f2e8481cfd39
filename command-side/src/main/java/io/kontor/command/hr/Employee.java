package io.kontor.command.hr;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.kontor.events.hr.AbsenceRecorded;
import io.kontor.events.hr.EmployeeHired;
import io.kontor.events.hr.EmployeeTerminated;
import io.kontor.events.hr.EmployeeTransferred;
import io.kontor.events.hr.Payslip;
import io.kontor.events.hr.SalaryChanged;
import io.kontor.events.hr.ShiftCancelled;
import io.kontor.events.hr.ShiftScheduled;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import io.kontor.shared.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An employee: employed from a start date to an optional last day, with dated histories of department and role and
 * of monthly salary, their absences and their active shifts. Shifts live here so that an overlap is refused against
 * the employee's own stream: two shifts scheduled at once for the same person conflict on its sequence numbers.
 * Snapshots are its fields as JSON (see {@link HrConfiguration}).
 */
@Aggregate(snapshotTriggerDefinition = "hrSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Employee {

    private static final String STREAM_PREFIX = "employee:";

    @AggregateIdentifier
    private String streamId;
    private String employeeId;
    private String name;
    private LocalDate startDate;
    private LocalDate lastDay;
    private TreeMap<LocalDate, Assignment> assignments;
    private TreeMap<LocalDate, Money> salaries;
    private List<Absence> absences;
    private Map<String, Slot> shifts;

    private record Assignment(String department, String role) {
    }

    private record Absence(LocalDate from, LocalDate to) {
        boolean covers(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(to);
        }
    }

    private record Slot(LocalDate date, LocalTime start, LocalTime end) {
        boolean overlaps(LocalDate otherDate, LocalTime otherStart, LocalTime otherEnd) {
            return date.equals(otherDate) && start.isBefore(otherEnd) && otherStart.isBefore(end);
        }
    }

    /** Axon rebuilds the employee from its events, and creates it empty for the create-if-missing handlers. */
    protected Employee() {
    }

    /** The employee's stream in the log: prefixed, so an employee id never collides with another stream. */
    public static String streamId(String employeeId) {
        return STREAM_PREFIX + employeeId;
    }

    /** Create-if-missing, so that a taken id is refused by the employee itself as {@code DUPLICATE}. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void hire(HireEmployee command, Staff staff) {
        if (employeeId != null) {
            throw new KontorException(ErrorCode.DUPLICATE, "employee " + command.employeeId() + " already exists",
                    Map.of("field", "id"));
        }
        EmployeeRegistry.requireNotPaid(staff.latestPayroll(), command.startDate(), "startDate");
        apply(new EmployeeHired(command.employeeId(), command.name(), command.department(), command.role(),
                command.monthlySalary(), command.startDate()));
        staff.enrol(command.employeeId(), command.startDate());
    }

    /** Create-if-missing only so that an unknown id is a 404 from here; it creates nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void transfer(TransferEmployee command, Staff staff) {
        requireHired(command.employeeId());
        requireEmployedOn(command.effective(), "effective");
        EmployeeRegistry.requireNotPaid(staff.latestPayroll(), command.effective(), "effective");
        apply(new EmployeeTransferred(employeeId, command.department(), command.role(), command.effective()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void changeSalary(ChangeSalary command, Staff staff) {
        requireHired(command.employeeId());
        requireEmployedOn(command.effective(), "effective");
        EmployeeRegistry.requireNotPaid(staff.latestPayroll(), command.effective(), "effective");
        apply(new SalaryChanged(employeeId, command.monthlySalary(), command.effective()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void terminate(TerminateEmployee command, Staff staff) {
        requireHired(command.employeeId());
        if (lastDay != null) {
            throw new KontorException(ErrorCode.CONFLICT, "employee " + employeeId + " is already terminated",
                    Map.of("rule", "ALREADY_TERMINATED", "lastDay", lastDay.toString()));
        }
        if (command.lastDay().isBefore(startDate)) {
            throw refused("BEFORE_HIRE", "date", "the last day " + command.lastDay() + " is before the hire on "
                    + startDate);
        }
        EmployeeRegistry.requireNotPaid(staff.latestPayroll(), command.lastDay(), "date");
        shifts.values().stream().filter(slot -> slot.date().isAfter(command.lastDay())).findFirst().ifPresent(slot -> {
            throw refused("SHIFTS_AFTER_LAST_DAY", "date", "employee " + employeeId + " has a shift on "
                    + slot.date() + ", after the last day; cancel it first");
        });
        apply(new EmployeeTerminated(employeeId, command.lastDay()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void recordAbsence(RecordAbsence command) {
        requireHired(command.employeeId());
        requireEmployedOn(command.from(), "from");
        requireEmployedOn(command.to(), "to");
        apply(new AbsenceRecorded(employeeId, command.absenceId(), command.kind(), command.from(), command.to(), name,
                assignmentOn(command.from()).department()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void schedule(ScheduleShift command, Staff staff) {
        requireHired(command.employeeId());
        requireEmployedOn(command.date(), "date");
        if (absences.stream().anyMatch(absence -> absence.covers(command.date()))) {
            throw refused("EMPLOYEE_ABSENT", "date", "employee " + employeeId + " is absent on " + command.date());
        }
        for (Map.Entry<String, Slot> shift : shifts.entrySet()) {
            if (shift.getValue().overlaps(command.date(), command.start(), command.end())) {
                throw new KontorException(ErrorCode.CONFLICT, "employee " + employeeId + " already works "
                        + shift.getValue().start() + "–" + shift.getValue().end() + " on " + command.date(),
                        Map.of("rule", "OVERLAPPING_SHIFT", "field", "start", "shift", shift.getKey()));
            }
        }
        if (staff.shiftExists(command.shiftId())) {
            throw new KontorException(ErrorCode.DUPLICATE, "shift " + command.shiftId() + " already exists",
                    Map.of("field", "id"));
        }
        Assignment assignment = assignmentOn(command.date());
        apply(new ShiftScheduled(employeeId, command.shiftId(), command.date(), command.start(), command.end(),
                command.role() == null ? assignment.role() : command.role(), command.location(), name,
                assignment.department()));
        staff.fileShift(command.shiftId(), employeeId);
    }

    /** Called by the shift's own stream inside its cancel command, so both are one commit. */
    void cancelShift(String shiftId) {
        Slot slot = shifts.get(shiftId);
        if (slot == null) {
            throw new KontorException(ErrorCode.CONFLICT, "shift " + shiftId + " is already cancelled",
                    Map.of("rule", "ALREADY_CANCELLED"));
        }
        apply(new ShiftCancelled(employeeId, shiftId, slot.date()));
    }

    /**
     * The month's gross pay: each calendar day employed earns the salary in force that day divided by the days of
     * the month; the sum is rounded half-even to øre once, so a full month pays exactly the monthly salary.
     */
    Optional<Payslip> payslip(YearMonth period) {
        LocalDate first = period.atDay(1).isBefore(startDate) ? startDate : period.atDay(1);
        LocalDate last = lastDay != null && lastDay.isBefore(period.atEndOfMonth()) ? lastDay : period.atEndOfMonth();
        if (last.isBefore(first)) {
            return Optional.empty();
        }
        BigDecimal sum = BigDecimal.ZERO;
        int days = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            sum = sum.add(salaries.floorEntry(day).getValue().amount());
            days++;
        }
        Money gross = new Money(sum.divide(BigDecimal.valueOf(period.lengthOfMonth()), 2, RoundingMode.HALF_EVEN),
                Money.DKK);
        return Optional.of(new Payslip(employeeId, name, assignmentOn(last).department(), days, gross));
    }

    /** From start to any last day, as {@link LogEmployeeDirectory} reads it from a snapshot. */
    EmployeeDirectory.Employment employment() {
        return new EmployeeDirectory.Employment(employeeId, name, startDate, lastDay);
    }

    private Assignment assignmentOn(LocalDate date) {
        return assignments.floorEntry(date).getValue();
    }

    private void requireHired(String requested) {
        if (employeeId == null) {
            throw new KontorException(ErrorCode.NOT_FOUND, "no employee " + requested, Map.of("field", "employee"));
        }
    }

    private void requireEmployedOn(LocalDate date, String field) {
        if (date.isBefore(startDate)) {
            throw refused("BEFORE_HIRE", field, "employee " + employeeId + " is employed from " + startDate
                    + ", not on " + date);
        }
        if (lastDay != null && date.isAfter(lastDay)) {
            throw refused("TERMINATED", field, "employee " + employeeId + " was employed until " + lastDay
                    + ", not on " + date);
        }
    }

    private static KontorException refused(String rule, String field, String detail) {
        return new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED, detail, Map.of("rule", rule, "field", field));
    }

    @EventSourcingHandler
    void on(EmployeeHired event) {
        streamId = streamId(event.employeeId());
        employeeId = event.employeeId();
        name = event.name();
        startDate = event.startDate();
        assignments = new TreeMap<>(Map.of(event.startDate(), new Assignment(event.department(), event.role())));
        salaries = new TreeMap<>(Map.of(event.startDate(), event.monthlySalary()));
        absences = new ArrayList<>();
        shifts = new HashMap<>();
    }

    @EventSourcingHandler
    void on(EmployeeTransferred event) {
        assignments.put(event.effective(), new Assignment(event.department(), event.role()));
    }

    @EventSourcingHandler
    void on(SalaryChanged event) {
        salaries.put(event.effective(), event.monthlySalary());
    }

    @EventSourcingHandler
    void on(EmployeeTerminated event) {
        lastDay = event.lastDay();
    }

    @EventSourcingHandler
    void on(AbsenceRecorded event) {
        absences.add(new Absence(event.from(), event.to()));
    }

    @EventSourcingHandler
    void on(ShiftScheduled event) {
        shifts.put(event.shiftId(), new Slot(event.date(), event.start(), event.end()));
    }

    @EventSourcingHandler
    void on(ShiftCancelled event) {
        shifts.remove(event.shiftId());
    }
}
