package io.kontor.command.hr;

import io.kontor.events.hr.Payslip;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The employees as HR commands that span several streams see them, read from the log itself (no view): changes made
 * here join the calling command's unit of work, so all of its events are appended in one commit, or none.
 */
public interface Staff {

    /** Lists a newly hired employee in the registry that payroll reads. */
    void enrol(String employeeId);

    /** Every employee ever hired, in hiring order. */
    List<String> employees();

    /** What the employee earned in {@code period}, if employed on any day of it. */
    Optional<Payslip> payslip(String employeeId, YearMonth period);

    boolean shiftExists(String shiftId);

    /** Takes the shift id and files it under its employee. */
    void fileShift(String shiftId, String employeeId);

    void cancelShift(String employeeId, String shiftId);
}
