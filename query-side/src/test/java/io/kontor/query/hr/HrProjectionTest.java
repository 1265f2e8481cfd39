package io.kontor.query.hr;

import io.kontor.events.hr.AbsenceKind;
import io.kontor.events.hr.AbsenceRecorded;
import io.kontor.events.hr.EmployeeHired;
import io.kontor.events.hr.EmployeeTerminated;
import io.kontor.events.hr.EmployeeTransferred;
import io.kontor.events.hr.SalaryChanged;
import io.kontor.events.hr.ShiftCancelled;
import io.kontor.events.hr.ShiftFiled;
import io.kontor.events.hr.ShiftScheduled;
import io.kontor.shared.Money;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HrProjectionTest {

    private static final LocalDate MONDAY = LocalDate.of(2027, 3, 8);
    private static final LocalTime NINE = LocalTime.of(9, 0);
    private static final LocalTime FIVE = LocalTime.of(17, 0);

    private final HrHarness hr = new HrHarness();

    private static List<Object> week() {
        return List.of(
                new EmployeeHired("anna", "Anna Berg", "Reception", "Receptionist", Money.dkk("31000.00"),
                        MONDAY.minusDays(30)),
                new EmployeeHired("bo", "Bo Holm", "Kitchen", "Cook", Money.dkk("28000.00"), MONDAY.minusDays(60)),
                new ShiftScheduled("anna", "s-1", MONDAY, NINE, FIVE, "Receptionist", "Front desk", "Anna Berg",
                        "Reception"),
                new ShiftFiled("s-1", "anna"),
                new ShiftScheduled("bo", "s-2", MONDAY, LocalTime.of(6, 0), LocalTime.of(14, 0), "Cook", null,
                        "Bo Holm", "Kitchen"),
                new ShiftScheduled("bo", "s-3", MONDAY.plusDays(1), NINE, FIVE, "Cook", null, "Bo Holm", "Kitchen"),
                new ShiftCancelled("bo", "s-3", MONDAY.plusDays(1)),
                new AbsenceRecorded("anna", "a-1", AbsenceKind.SICK, MONDAY.plusDays(1), MONDAY.plusDays(2),
                        "Anna Berg", "Reception"),
                new SalaryChanged("bo", Money.dkk("29000.00"), MONDAY),
                new EmployeeTransferred("bo", "Reception", "Porter", MONDAY.plusDays(2)),
                new EmployeeTerminated("anna", MONDAY.plusDays(3)));
    }

    @Test
    void theRosterShowsWhoWorksWhenAndWhoIsAwayPerDay() {
        hr.batch(week());

        RosterController.Roster roster = hr.roster(MONDAY, MONDAY.plusDays(2), null);

        assertThat(roster.days()).hasSize(3);
        assertThat(roster.days().get(0).shifts()).extracting(RosterController.ShiftView::shiftId)
                .containsExactly("s-2", "s-1");
        assertThat(roster.days().get(1).shifts()).isEmpty();
        assertThat(roster.days().get(1).absent()).extracting(RosterController.AbsentView::name)
                .containsExactly("Anna Berg");
        assertThat(roster.days().get(2).absent()).hasSize(1);
        assertThat(hr.roster(MONDAY, MONDAY, "Kitchen").days().get(0).shifts())
                .extracting(RosterController.ShiftView::name).containsExactly("Bo Holm");
    }

    @Test
    void headcountAndEachEmployeeAsOfADate() {
        hr.batch(week());

        assertThat(hr.headcount(MONDAY).departments()).containsExactly(
                new EmployeeController.DepartmentCount("Kitchen", 1),
                new EmployeeController.DepartmentCount("Reception", 1));
        assertThat(hr.headcount(MONDAY.plusDays(4)).departments()).containsExactly(
                new EmployeeController.DepartmentCount("Reception", 1));
        EmployeeController.EmployeeDetail bo = hr.employee("bo", MONDAY.plusDays(2));
        assertThat(bo.asOf().department()).isEqualTo("Reception");
        assertThat(bo.asOf().monthlySalary()).isEqualTo("29000.00");
        assertThat(hr.employee("bo", MONDAY.minusDays(1)).asOf().monthlySalary()).isEqualTo("28000.00");
        assertThat(bo.history()).extracting(EmployeeController.HistoryEntry::kind)
                .containsExactly("HIRED", "SALARY_CHANGED", "TRANSFERRED");
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        List<Object> events = week();
        long first = hr.batch(events);
        List<Document> before = documents();

        hr.redeliver(first, events.size());

        assertThat(documents()).isEqualTo(before);
    }

    private List<Document> documents() {
        return List.of(HrProjection.EMPLOYEES, HrProjection.ROSTER_DAYS, HrProjection.PAYROLL_RUNS).stream()
                .flatMap(c -> hr.database.getCollection(c).find().sort(new Document("_id", 1))
                        .into(new ArrayList<Document>()).stream())
                .toList();
    }
}
