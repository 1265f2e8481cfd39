package io.kontor.command.hr;

import io.kontor.command.web.CommandAnswer;
import io.kontor.command.web.Commands;
import io.kontor.events.hr.AbsenceKind;
import io.kontor.shared.Checks;
import io.kontor.shared.KontorException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

@RestController
class HrController {

    private final Commands commands;

    HrController(Commands commands) {
        this.commands = commands;
    }

    record HireRequest(String id, String name, String department, String role, BigDecimal monthlySalary,
                       LocalDate startDate) {
    }

    record TransferRequest(String department, String role, LocalDate effective) {
    }

    record SalaryRequest(BigDecimal monthlySalary, LocalDate effective) {
    }

    record TerminationRequest(LocalDate date) {
    }

    record AbsenceRequest(String id, String employee, LocalDate from, LocalDate to, String kind) {
    }

    record ShiftRequest(String id, String employee, LocalDate date, LocalTime start, LocalTime end, String role,
                        String location) {
    }

    record PayrollRunRequest(String period) {
    }

    record PayrollPaymentRequest(LocalDate date) {
    }

    @PostMapping("/api/employees")
    @Operation(summary = "Hire: name, department, role, monthlySalary, startDate (role HR)")
    ResponseEntity<CommandAnswer> hire(@RequestBody HireRequest request) {
        String id = Commands.idOrNew(request.id());
        HireEmployee command = new HireEmployee(id, request.name(), request.department(), request.role(),
                Fields.salary(request.monthlySalary(), "monthlySalary"), request.startDate());
        return commands.created(request, id, command);
    }

    @PostMapping("/api/employees/{id}/transfer")
    @Operation(summary = "Move an employee to department and role from effective on (role HR)")
    ResponseEntity<CommandAnswer> transfer(@PathVariable String id, @RequestBody TransferRequest request) {
        TransferEmployee command = new TransferEmployee(id, request.department(), request.role(), request.effective());
        return commands.acted(request, id, command);
    }

    @PostMapping("/api/employees/{id}/salary")
    @Operation(summary = "Change the monthly salary from effective on (role HR)")
    ResponseEntity<CommandAnswer> salary(@PathVariable String id, @RequestBody SalaryRequest request) {
        ChangeSalary command = new ChangeSalary(id, Fields.salary(request.monthlySalary(), "monthlySalary"),
                request.effective());
        return commands.acted(request, id, command);
    }

    @PostMapping("/api/employees/{id}/termination")
    @Operation(summary = "Terminate: date is the last day employed (role HR)")
    ResponseEntity<CommandAnswer> terminate(@PathVariable String id, @RequestBody TerminationRequest request) {
        TerminateEmployee command = new TerminateEmployee(id, request.date());
        return commands.acted(request, id, command);
    }

    @PostMapping("/api/absences")
    @Operation(summary = "Record an absence: employee, from, to (both included), kind VACATION/SICK/OTHER (role HR)")
    ResponseEntity<CommandAnswer> absence(@RequestBody AbsenceRequest request) {
        String id = Commands.idOrNew(request.id());
        RecordAbsence command = new RecordAbsence(request.employee(), id,
                Checks.oneOf(request.kind(), AbsenceKind.class, "kind"), request.from(), request.to());
        return commands.created(request, id, command);
    }

    @PostMapping("/api/shifts")
    @Operation(summary = "Schedule a shift: employee, date, start, end, role?, location?; refused when the employee "
            + "is not employed or absent that day or already works then (role HR)")
    ResponseEntity<CommandAnswer> shift(@RequestBody ShiftRequest request) {
        String id = Commands.idOrNew(request.id());
        ScheduleShift command = new ScheduleShift(request.employee(), id, request.date(), request.start(),
                request.end(), request.role(), request.location());
        return commands.created(request, id, command);
    }

    @PostMapping("/api/shifts/{id}/cancel")
    @Operation(summary = "Cancel a shift (role HR)")
    ResponseEntity<CommandAnswer> cancel(@PathVariable String id) {
        return commands.acted(null, id, new CancelShift(id));
    }

    @PostMapping("/api/payroll-runs")
    @Operation(summary = "Run a month's payroll: period yyyy-MM; once per month (role HR)")
    ResponseEntity<CommandAnswer> run(@RequestBody PayrollRunRequest request) {
        YearMonth period = period(request.period());
        return commands.created(request, period.toString(), new RunPayroll(period));
    }

    @PostMapping("/api/payroll-runs/{period}/payment")
    @Operation(summary = "Pay a month's payroll run from the bank on date (role ACCOUNTANT)")
    ResponseEntity<CommandAnswer> pay(@PathVariable String period, @RequestBody PayrollPaymentRequest request) {
        YearMonth month = period(period);
        return commands.acted(request, month.toString(), new PayPayroll(month, request.date()));
    }

    private static YearMonth period(String given) {
        Checks.required(given, "period");
        try {
            return YearMonth.parse(given);
        } catch (DateTimeParseException e) {
            throw KontorException.invalidField("period", "period is a month, yyyy-MM");
        }
    }
}
