package io.kontor.query.hr;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.kontor.query.web.CsvReport;
import io.kontor.query.web.CsvTable;
import io.kontor.query.web.ReadsView;
import io.kontor.shared.KontorException;
import io.swagger.v3.oas.annotations.Operation;
import io.kontor.query.common.Views;
import org.bson.Document;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Who works when, and who is away: for HR and the front desk, so it shows no salaries. */
@RestController
@ReadsView(HrProjection.GROUP)
class RosterController {

    static final int MAX_DAYS = 62;

    private final Views views;

    RosterController(Views views) {
        this.views = views;
    }

    record ShiftView(String shiftId, String employeeId, String name, String department, String start, String end,
                     String role, String location) {
    }

    record AbsentView(String absenceId, String employeeId, String name, String department, String kind,
                      String from, String to) {
    }

    record Day(String date, List<ShiftView> shifts, List<AbsentView> absent) {
    }

    /** As CSV, a row per shift and per absence on each day: who works or is away when. */
    record Roster(String from, String to, String department, List<Day> days) implements CsvReport {
        @Override
        public CsvTable csv() {
            CsvTable.Builder table = CsvTable.of("date", "kind", "employeeId", "name", "department", "start", "end",
                    "role", "location", "absence");
            for (Day day : days) {
                day.shifts().forEach(s -> table.row(day.date(), "SHIFT", s.employeeId(), s.name(), s.department(),
                        s.start(), s.end(), s.role(), s.location(), null));
                day.absent().forEach(a -> table.row(day.date(), "ABSENT", a.employeeId(), a.name(), a.department(),
                        null, null, null, null, a.kind()));
            }
            return table.build();
        }
    }

    @GetMapping("/api/roster")
    @Operation(summary = "Each day from..to (at most 62 days): the shifts, by start, and who is absent; department "
            + "filters both (roles HR, FRONT_DESK)")
    Roster roster(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) String department) {
        if (to.isBefore(from)) {
            throw KontorException.invalidField("to", "to must not be before from");
        }
        if (from.plusDays(MAX_DAYS - 1).isBefore(to)) {
            throw KontorException.invalidField("to", "a roster covers at most " + MAX_DAYS + " days");
        }
        Map<String, Day> days = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day.toString(), new Day(day.toString(), new ArrayList<>(), new ArrayList<>()));
        }
        // One read by key for the whole range: a day's document holds its shifts and who is absent.
        for (Document d : rosterDays().find(Filters.in("_id", List.copyOf(days.keySet())))) {
            Day day = days.get(d.getString("date"));
            for (Document s : d.getList("shifts", Document.class)) {
                if (department == null || department.equals(s.getString("department"))) {
                    day.shifts().add(new ShiftView(s.getString("shiftId"), s.getString("employeeId"),
                            s.getString("name"), s.getString("department"), s.getString("start"), s.getString("end"),
                            s.getString("role"), s.getString("location")));
                }
            }
            for (Document a : d.getList("absent", Document.class)) {
                if (department == null || department.equals(a.getString("department"))) {
                    day.absent().add(new AbsentView(a.getString("absenceId"), a.getString("employeeId"),
                            a.getString("name"), a.getString("department"), a.getString("kind"), a.getString("from"),
                            a.getString("to")));
                }
            }
        }
        for (Day day : days.values()) {
            day.shifts().sort(Comparator.comparing(ShiftView::start).thenComparing(ShiftView::name)
                    .thenComparing(ShiftView::shiftId));
            day.absent().sort(Comparator.comparing(AbsentView::name).thenComparing(AbsentView::absenceId));
        }
        return new Roster(from.toString(), to.toString(), department, List.copyOf(days.values()));
    }

    private MongoCollection<Document> rosterDays() {
        return views.collection(HrProjection.ROSTER_DAYS);
    }
}
