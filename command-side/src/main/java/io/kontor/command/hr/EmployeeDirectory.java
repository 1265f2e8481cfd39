package io.kontor.command.hr;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Who is employed, for commands of other areas that name an employee (a visitor's host): read from the employee's
 * own stream in the log, never from a view, and without taking the employee into the caller's unit of work.
 */
public interface EmployeeDirectory {

    /** The employee's name and employment period, if anyone was ever hired under {@code employeeId}. */
    Optional<Employment> employment(String employeeId);

    /** Employed from {@code startDate} to {@code lastDay} (both included; no last day while employed). */
    record Employment(String employeeId, String name, LocalDate startDate, LocalDate lastDay) {

        /** Not past their last day on {@code date}: on the books, if perhaps not started yet. */
        public boolean activeOn(LocalDate date) {
            return lastDay == null || !date.isAfter(lastDay);
        }
    }
}
