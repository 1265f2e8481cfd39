package io.kontor.query.hr;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.kontor.query.web.ReadsView;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import io.swagger.v3.oas.annotations.Operation;
import io.kontor.query.common.Views;
import org.bson.Document;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Employees with their salaries, headcount and payroll runs with their payslips: HR's views. */
@RestController
@ReadsView(HrProjection.GROUP)
class EmployeeController {

    /** The business's own calendar: "as of" without a date is today in Denmark. */
    static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Copenhagen");

    private final Views views;

    EmployeeController(Views views) {
        this.views = views;
    }

    record EmployeeView(String id, String name, String startDate, String lastDay, boolean employed,
                        String department, String role, String monthlySalary) {
    }

    record HistoryEntry(String date, String kind, String detail, long position) {
    }

    record EmployeeDetail(EmployeeView asOf, List<Document> assignments, List<Document> salaries,
                          List<HistoryEntry> history) {
    }

    record DepartmentCount(String department, int headcount) {
    }

    record Headcount(String asOf, List<DepartmentCount> departments, int total) {
    }

    record PayslipView(String employeeId, String name, String department, int daysEmployed, String gross) {
    }

    record PayrollRunView(String period, String date, List<PayslipView> payslips, String total, boolean paid,
                          String paidOn, String unpaid) {
        static PayrollRunView of(Document d) {
            boolean paid = d.getBoolean("paid");
            return new PayrollRunView(d.getString("period"), d.getString("date"),
                    d.getList("payslips", Document.class).stream().map(p -> new PayslipView(p.getString("employeeId"),
                            p.getString("name"), p.getString("department"), p.getInteger("daysEmployed"),
                            p.getString("gross"))).toList(),
                    d.getString("total"), paid, d.getString("paidOn"), paid ? "0.00" : d.getString("total"));
        }
    }

    record PayrollRuns(List<PayrollRunView> runs, String unpaid) {
    }

    @GetMapping("/api/employees")
    @Operation(summary = "Employees as of a date (default today) with department, role and monthly salary; "
            + "department filters by the department as of that date (role HR)")
    List<EmployeeView> employees(@RequestParam(required = false) String department,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate asOf) {
        LocalDate date = asOf == null ? LocalDate.now(BUSINESS_ZONE) : asOf;
        List<EmployeeView> result = new ArrayList<>();
        for (Document d : employees().find().sort(Sorts.ascending("_id"))) {
            EmployeeView view = view(d, date);
            if (department == null || department.equals(view.department())) {
                result.add(view);
            }
        }
        return result;
    }

    @GetMapping("/api/employees/{id}")
    @Operation(summary = "One employee: as of a date (default today), every dated assignment and salary, and their "
            + "history (role HR)")
    EmployeeDetail employee(@PathVariable String id, @RequestParam(required = false)
                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        Document d = employees().find(Filters.eq("_id", id)).first();
        if (d == null) {
            throw new KontorException(ErrorCode.NOT_FOUND, "no employee " + id);
        }
        LocalDate date = asOf == null ? LocalDate.now(BUSINESS_ZONE) : asOf;
        List<HistoryEntry> history = d.getList("history", Document.class).stream()
                .map(h -> new HistoryEntry(h.getString("date"), h.getString("kind"), h.getString("detail"),
                        h.getLong("position")))
                .sorted(Comparator.comparing(HistoryEntry::date).thenComparingLong(HistoryEntry::position))
                .toList();
        return new EmployeeDetail(view(d, date), sortedByFrom(d, "assignments"), sortedByFrom(d, "salaries"),
                history);
    }

    @GetMapping("/api/headcount")
    @Operation(summary = "Employees per department as of a date (default today) (role HR)")
    Headcount headcount(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                        LocalDate asOf) {
        LocalDate date = asOf == null ? LocalDate.now(BUSINESS_ZONE) : asOf;
        Map<String, Integer> counts = new TreeMap<>();
        for (Document d : employees().find()) {
            EmployeeView view = view(d, date);
            if (view.employed()) {
                counts.merge(view.department(), 1, Integer::sum);
            }
        }
        List<DepartmentCount> departments = counts.entrySet().stream()
                .map(e -> new DepartmentCount(e.getKey(), e.getValue())).toList();
        return new Headcount(date.toString(), departments, counts.values().stream().mapToInt(i -> i).sum());
    }

    @GetMapping("/api/payroll-runs")
    @Operation(summary = "Payroll runs with every payslip, and what is unpaid in all (role HR)")
    PayrollRuns payrollRuns() {
        List<PayrollRunView> result = new ArrayList<>();
        BigDecimal unpaid = BigDecimal.ZERO.setScale(2);
        for (Document d : runs().find().sort(Sorts.ascending("_id"))) {
            PayrollRunView run = PayrollRunView.of(d);
            unpaid = unpaid.add(new BigDecimal(run.unpaid()));
            result.add(run);
        }
        return new PayrollRuns(result, unpaid.toPlainString());
    }

    @GetMapping("/api/payroll-runs/{period}")
    @Operation(summary = "One month's payroll run (role HR)")
    PayrollRunView payrollRun(@PathVariable String period) {
        Document d = runs().find(Filters.eq("_id", period)).first();
        if (d == null) {
            throw new KontorException(ErrorCode.NOT_FOUND, "no payroll run for " + period);
        }
        return PayrollRunView.of(d);
    }

    /** The employee as of {@code date}: the assignment and salary in force then (or at hire, before it). */
    static EmployeeView view(Document d, LocalDate date) {
        String day = date.toString();
        String lastDay = d.getString("lastDay");
        boolean employed = d.getString("startDate").compareTo(day) <= 0 && (lastDay == null
                || lastDay.compareTo(day) >= 0);
        Document assignment = inForce(d.getList("assignments", Document.class), day);
        Document salary = inForce(d.getList("salaries", Document.class), day);
        return new EmployeeView(d.getString("employeeId"), d.getString("name"), d.getString("startDate"), lastDay,
                employed, assignment.getString("department"), assignment.getString("role"),
                salary.getString("monthlySalary"));
    }

    /** The entry in force on {@code day}: the latest starting on or before it, else (before the hire) the first. */
    private static Document inForce(List<Document> dated, String day) {
        List<Document> sorted = new ArrayList<>(dated);
        sorted.sort(Comparator.comparing(entry -> entry.getString("from")));
        Document found = sorted.get(0);
        for (Document entry : sorted) {
            if (entry.getString("from").compareTo(day) <= 0) {
                found = entry;
            }
        }
        return found;
    }

    private static List<Document> sortedByFrom(Document d, String field) {
        List<Document> list = new ArrayList<>(d.getList(field, Document.class));
        list.sort(Comparator.comparing(entry -> entry.getString("from")));
        list.forEach(entry -> entry.remove("_id"));
        return list;
    }

    private MongoCollection<Document> employees() {
        return views.collection(HrProjection.EMPLOYEES);
    }

    private MongoCollection<Document> runs() {
        return views.collection(HrProjection.PAYROLL_RUNS);
    }
}
