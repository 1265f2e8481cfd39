package io.kontor.command.hr;

import io.kontor.events.hr.Payslip;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The employees as HR commands that span several streams see them, read from the log itself (no view): changes made
 * here join the calling command's unit of work, so all of its events are appended in one commit, or none.
 */
public interface Staff {

    /**
     * Lists a newly hired employee in the registry that payroll reads; refuses a {@code startDate} on or before the
     * end of the latest month run, checked against the registry it appends to, so a run racing the hire conflicts.
     */
    void enrol(String employeeId, LocalDate startDate);

    /** Notes in the registry that the payroll of {@code period} has been run. */
    void recordPayroll(YearMonth period);

    /**
     * The latest month whose payroll has been run, as committed to the registry. A read only: it does not take the
     * registry into the unit of work (an employee command holding its employee's lock must not wait for the
     * registry's, which a run holds while it loads the employees).
     */
    Optional<YearMonth> latestPayroll();

    /** Every employee ever hired, in hiring order. */
    List<String> employees();

    /** What the employee earned in {@code period}, if employed on any day of it. */
    Optional<Payslip> payslip(String employeeId, YearMonth period);

    boolean shiftExists(String shiftId);

    /** Takes the shift id and files it under its employee. */
    void fileShift(String shiftId, String employeeId);

    void cancelShift(String employeeId, String shiftId);
}
