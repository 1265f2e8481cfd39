package io.kontor.command.hr;

import io.kontor.events.hr.Payslip;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Staff for fixtures: records what the aggregate asked of the other streams, answers payslips it was given. */
final class FakeStaff implements Staff {

    final List<String> enrolled = new ArrayList<>();
    final Set<String> filedShifts = new HashSet<>();
    final Map<String, Payslip> payslips = new LinkedHashMap<>();
    final List<String> cancelled = new ArrayList<>();
    final List<YearMonth> payrollsRecorded = new ArrayList<>();
    /** The latest month run, as the registry would answer. */
    YearMonth latestPayroll;

    @Override
    public void enrol(String employeeId, LocalDate startDate) {
        EmployeeRegistry.requireNotPaid(latestPayroll(), startDate, "startDate");
        enrolled.add(employeeId);
    }

    @Override
    public void recordPayroll(YearMonth period) {
        payrollsRecorded.add(period);
    }

    @Override
    public Optional<YearMonth> latestPayroll() {
        return Optional.ofNullable(latestPayroll);
    }

    @Override
    public List<String> employees() {
        return List.copyOf(payslips.keySet());
    }

    @Override
    public Optional<Payslip> payslip(String employeeId, YearMonth period) {
        return Optional.ofNullable(payslips.get(employeeId));
    }

    @Override
    public boolean shiftExists(String shiftId) {
        return filedShifts.contains(shiftId);
    }

    @Override
    public void fileShift(String shiftId, String employeeId) {
        filedShifts.add(shiftId);
    }

    @Override
    public void cancelShift(String employeeId, String shiftId) {
        cancelled.add(shiftId);
    }
}
