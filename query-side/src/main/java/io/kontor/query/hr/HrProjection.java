package io.kontor.query.hr;

import io.kontor.events.hr.AbsenceRecorded;
import io.kontor.events.hr.EmployeeHired;
import io.kontor.events.hr.EmployeeTerminated;
import io.kontor.events.hr.EmployeeTransferred;
import io.kontor.events.hr.PayrollPaid;
import io.kontor.events.hr.PayrollRunCompleted;
import io.kontor.events.hr.Payslip;
import io.kontor.events.hr.SalaryChanged;
import io.kontor.events.hr.ShiftCancelled;
import io.kontor.events.hr.ShiftScheduled;
import io.kontor.query.common.ViewCollections;
import io.kontor.query.common.Views;
import io.kontor.shared.Money;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;

/**
 * Folds the log into the HR views: employees with their dated assignments, salaries and history in
 * {@value #EMPLOYEES}, the roster's days (each day's shifts and who is absent, keyed by date) in
 * {@value #ROSTER_DAYS} (see {@link RosterDayFold}) and payroll runs in {@value #PAYROLL_RUNS}. Shift and absence
 * events carry the employee's name and department, so the roster is read from its own collection alone; salaries
 * are only in {@value #EMPLOYEES} and {@value #PAYROLL_RUNS}.
 */
@Component
@ProcessingGroup(HrProjection.GROUP)
@ViewCollections({HrProjection.EMPLOYEES, HrProjection.ROSTER_DAYS, HrProjection.PAYROLL_RUNS})
public class HrProjection {

    public static final String GROUP = "hr";
    public static final String EMPLOYEES = "hr_employees";
    public static final String ROSTER_DAYS = "hr_roster_days";
    public static final String PAYROLL_RUNS = "hr_payroll_runs";

    private static final String ROSTER = HrProjection.class.getName() + ".roster";

    private final Views views;

    HrProjection(Views views) {
        this.views = views;
    }

    private RosterDayFold roster() {
        return views.staged(ROSTER, () -> new RosterDayFold(views));
    }

    @EventHandler
    void on(EmployeeHired event, TrackingToken token) {
        long position = Views.positionOf(token);
        views.batch(EMPLOYEES).put(event.employeeId(), new Document("employeeId", event.employeeId())
                        .append("name", event.name())
                        .append("startDate", event.startDate().toString())
                        .append("lastDay", null)
                        .append("assignments", List.of(assignment(event.startDate(), event.department(),
                                event.role())))
                        .append("salaries", List.of(salary(event.startDate(), event.monthlySalary())))
                        .append("history", List.of(history(position, event.startDate(), "HIRED",
                                event.department() + ", " + event.role() + ", " + amount(event.monthlySalary())))),
                position);
    }

    @EventHandler
    void on(EmployeeTransferred event, TrackingToken token) {
        long position = Views.positionOf(token);
        views.batch(EMPLOYEES).update(event.employeeId(), combine(
                push("assignments", assignment(event.effective(), event.department(), event.role())),
                push("history", history(position, event.effective(), "TRANSFERRED",
                        event.department() + ", " + event.role()))), position);
    }

    @EventHandler
    void on(SalaryChanged event, TrackingToken token) {
        long position = Views.positionOf(token);
        views.batch(EMPLOYEES).update(event.employeeId(), combine(
                push("salaries", salary(event.effective(), event.monthlySalary())),
                push("history", history(position, event.effective(), "SALARY_CHANGED",
                        amount(event.monthlySalary())))), position);
    }

    @EventHandler
    void on(EmployeeTerminated event, TrackingToken token) {
        long position = Views.positionOf(token);
        views.batch(EMPLOYEES).update(event.employeeId(), combine(
                set("lastDay", event.lastDay().toString()),
                push("history", history(position, event.lastDay(), "TERMINATED", "last day"))), position);
    }

    @EventHandler
    void on(AbsenceRecorded event, TrackingToken token) {
        long position = Views.positionOf(token);
        roster().apply(position, event);
        views.batch(EMPLOYEES).update(event.employeeId(), push("history", history(position, event.from(),
                "ABSENT", event.kind() + " " + event.from() + " to " + event.to())), position);
    }

    @EventHandler
    void on(ShiftScheduled event, TrackingToken token) {
        roster().apply(Views.positionOf(token), event);
    }

    @EventHandler
    void on(ShiftCancelled event, TrackingToken token) {
        roster().apply(Views.positionOf(token), event);
    }

    @EventHandler
    void on(PayrollRunCompleted event, TrackingToken token) {
        views.batch(PAYROLL_RUNS).put(event.period(), new Document("period", event.period())
                        .append("date", event.date().toString())
                        .append("payslips", event.payslips().stream().map(HrProjection::payslip).toList())
                        .append("total", amount(event.total()))
                        .append("paid", false)
                        .append("paidOn", null),
                Views.positionOf(token));
    }

    @EventHandler
    void on(PayrollPaid event, TrackingToken token) {
        views.batch(PAYROLL_RUNS).update(event.period(), combine(set("paid", true),
                set("paidOn", event.date().toString())), Views.positionOf(token));
    }

    private static Document payslip(Payslip payslip) {
        return new Document("employeeId", payslip.employeeId())
                .append("name", payslip.name())
                .append("department", payslip.department())
                .append("daysEmployed", payslip.daysEmployed())
                .append("gross", amount(payslip.gross()));
    }

    private static Document assignment(LocalDate from, String department, String role) {
        return new Document("from", from.toString()).append("department", department).append("role", role);
    }

    private static Document salary(LocalDate from, Money monthlySalary) {
        return new Document("from", from.toString()).append("monthlySalary", amount(monthlySalary));
    }

    private static Document history(long position, LocalDate date, String kind, String detail) {
        return new Document("date", date.toString()).append("kind", kind).append("detail", detail)
                .append("position", position);
    }

    static String amount(Money money) {
        return money.amount().toPlainString();
    }
}
