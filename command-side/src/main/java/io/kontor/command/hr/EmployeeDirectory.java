package io.kontor.command.hr;

import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Who is employed, for commands of other areas that name an employee (a visitor's host, a phone message's
 * recipient): read from the employee's own stream in the log ({@link LogEmployeeDirectory}), never from a view, and
 * without taking the employee into the caller's unit of work.
 */
public interface EmployeeDirectory {

    /** The employee's name and employment period, if anyone was ever hired under {@code employeeId}. */
    Optional<Employment> employment(String employeeId);

    /**
     * Refuses an employee who was never hired (404) or whose last day is before {@code date} (422 {@code
     * EMPLOYEE_NOT_ACTIVE}); {@code field} is the request field that named them. Someone hired to start later is
     * active already: a message or a visitor for a new colleague can wait for their first day.
     */
    default Employment requireActive(String employeeId, LocalDate date, String field) {
        Employment employment = employment(employeeId).orElseThrow(() -> new KontorException(ErrorCode.NOT_FOUND,
                "no employee " + employeeId, Map.of("field", field)));
        if (!employment.activeOn(date)) {
            throw new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED, "employee " + employeeId + " left on "
                    + employment.lastDay(), Map.of("rule", "EMPLOYEE_NOT_ACTIVE", "field", field));
        }
        return employment;
    }

    /** Employed from {@code startDate} to {@code lastDay} (both included; no last day while employed). */
    record Employment(String employeeId, String name, LocalDate startDate, LocalDate lastDay) {

        /** Not past their last day on {@code date}: on the books, if perhaps not started yet. */
        public boolean activeOn(LocalDate date) {
            return lastDay == null || !date.isAfter(lastDay);
        }

        /** Started and not past their last day on {@code date}. */
        public boolean employedOn(LocalDate date) {
            return !date.isBefore(startDate) && activeOn(date);
        }
    }
}
