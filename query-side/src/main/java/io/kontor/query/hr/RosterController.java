package io.kontor.query.hr;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.kontor.query.web.ReadsView;
import io.kontor.shared.KontorException;
import io.swagger.v3.oas.annotations.Operation;
import org.bson.Document;
import org.bson.conversions.Bson;
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

    private final MongoCollection<Document> shifts;
    private final MongoCollection<Document> absences;

    RosterController(MongoDatabase database) {
        this.shifts = database.getCollection(HrProjection.SHIFTS);
        this.absences = database.getCollection(HrProjection.ABSENCES);
    }

    record ShiftView(String shiftId, String employeeId, String name, String department, String start, String end,
                     String role, String location) {
    }

    record AbsentView(String absenceId, String employeeId, String name, String department, String kind,
                      String from, String to) {
    }

    record Day(String date, List<ShiftView> shifts, List<AbsentView> absent) {
    }

    record Roster(String from, String to, String department, List<Day> days) {
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
        List<Bson> shiftFilter = new ArrayList<>(List.of(Filters.gte("date", from.toString()),
                Filters.lte("date", to.toString()), Filters.eq("status", "SCHEDULED")));
        List<Bson> absenceFilter = new ArrayList<>(List.of(Filters.lte("from", to.toString()),
                Filters.gte("to", from.toString())));
        if (department != null) {
            shiftFilter.add(Filters.eq("department", department));
            absenceFilter.add(Filters.eq("department", department));
        }
        for (Document d : shifts.find(Filters.and(shiftFilter))) {
            days.get(d.getString("date")).shifts().add(new ShiftView(d.getString("shiftId"),
                    d.getString("employeeId"), d.getString("name"), d.getString("department"), d.getString("start"),
                    d.getString("end"), d.getString("role"), d.getString("location")));
        }
        for (Document d : absences.find(Filters.and(absenceFilter))) {
            AbsentView absent = new AbsentView(d.getString("absenceId"), d.getString("employeeId"),
                    d.getString("name"), d.getString("department"), d.getString("kind"), d.getString("from"),
                    d.getString("to"));
            LocalDate first = LocalDate.parse(absent.from()).isBefore(from) ? from : LocalDate.parse(absent.from());
            LocalDate last = LocalDate.parse(absent.to()).isAfter(to) ? to : LocalDate.parse(absent.to());
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                days.get(day.toString()).absent().add(absent);
            }
        }
        for (Day day : days.values()) {
            day.shifts().sort(Comparator.comparing(ShiftView::start).thenComparing(ShiftView::name)
                    .thenComparing(ShiftView::shiftId));
            day.absent().sort(Comparator.comparing(AbsentView::name).thenComparing(AbsentView::absenceId));
        }
        return new Roster(from.toString(), to.toString(), department, List.copyOf(days.values()));
    }
}
