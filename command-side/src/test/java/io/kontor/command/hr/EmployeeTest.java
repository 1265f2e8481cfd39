package io.kontor.command.hr;

import io.kontor.events.hr.AbsenceKind;
import io.kontor.events.hr.AbsenceRecorded;
import io.kontor.events.hr.EmployeeHired;
import io.kontor.events.hr.EmployeeTerminated;
import io.kontor.events.hr.EmployeeTransferred;
import io.kontor.events.hr.SalaryChanged;
import io.kontor.events.hr.ShiftCancelled;
import io.kontor.events.hr.ShiftScheduled;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import io.kontor.shared.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;

class EmployeeTest {

    private static final LocalDate START = LocalDate.of(2026, 11, 2);
    private static final EmployeeHired ANNA = new EmployeeHired("anna", "Anna Berg", "Reception", "Receptionist",
            Money.dkk("31000.00"), START);
    private static final LocalTime NINE = LocalTime.of(9, 0);
    private static final LocalTime FIVE = LocalTime.of(17, 0);

    private final FakeStaff staff = new FakeStaff();
    private AggregateTestFixture<Employee> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Employee.class);
        fixture.registerInjectableResource(staff);
    }

    private static ShiftScheduled shift(String id, LocalDate date, LocalTime start, LocalTime end) {
        return new ShiftScheduled("anna", id, date, start, end, "Receptionist", null, "Anna Berg", "Reception");
    }

    @Test
    void hiresAnEmployeeAndEnrolsThemForPayroll() {
        fixture.givenNoPriorActivity()
                .when(new HireEmployee("anna", "Anna Berg", "Reception", "Receptionist", Money.dkk("31000"), START))
                .expectEvents(ANNA);
        assertThat(staff.enrolled).containsExactly("anna");
    }

    @Test
    void aTakenIdIsRefusedAsDuplicate() {
        fixture.given(ANNA)
                .when(new HireEmployee("anna", "Other", "Kitchen", "Cook", Money.dkk("1.00"), START))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.DUPLICATE));
    }

    @Test
    void negativeOrOverPreciseSalariesAreRefusedBeforeTheEmployee() {
        assertThatThrownBy(() -> new HireEmployee("b", "B", "D", "R", Money.dkk("-1.00"), START))
                .isInstanceOf(KontorException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> Fields.salary(new java.math.BigDecimal("100.001"), "monthlySalary"))
                .isInstanceOf(KontorException.class).hasMessageContaining("decimals");
    }

    @Test
    void transfersFromADate() {
        fixture.given(ANNA)
                .when(new TransferEmployee("anna", "Accounts", "Clerk", START.plusMonths(1)))
                .expectEvents(new EmployeeTransferred("anna", "Accounts", "Clerk", START.plusMonths(1)));
    }

    @Test
    void aTransferDatedBeforeTheHireIsRefused() {
        fixture.given(ANNA)
                .when(new TransferEmployee("anna", "Accounts", "Clerk", START.minusDays(1)))
                .expectNoEvents()
                .expectException(withRule("BEFORE_HIRE"));
    }

    @Test
    void anUnknownEmployeeIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new ChangeSalary("nobody", Money.dkk("100.00"), START))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.NOT_FOUND));
    }

    @Test
    void changesTheSalaryFromADate() {
        fixture.given(ANNA)
                .when(new ChangeSalary("anna", Money.dkk("32000.00"), START.plusDays(10)))
                .expectEvents(new SalaryChanged("anna", Money.dkk("32000.00"), START.plusDays(10)));
    }

    @Test
    void aTerminatedEmployeeCannotBeChangedAfterTheLastDay() {
        fixture.given(ANNA, new EmployeeTerminated("anna", START.plusDays(20)))
                .when(new ChangeSalary("anna", Money.dkk("32000.00"), START.plusDays(21)))
                .expectNoEvents()
                .expectException(withRule("TERMINATED"));
    }

    @Test
    void terminatesOnce() {
        fixture.given(ANNA, new EmployeeTerminated("anna", START.plusDays(20)))
                .when(new TerminateEmployee("anna", START.plusDays(30)))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.CONFLICT));
    }

    @Test
    void cannotTerminateWhileShiftsAreScheduledAfterTheLastDay() {
        fixture.given(ANNA, shift("s-1", START.plusDays(5), NINE, FIVE))
                .when(new TerminateEmployee("anna", START.plusDays(4)))
                .expectNoEvents()
                .expectException(withRule("SHIFTS_AFTER_LAST_DAY"));
    }

    @Test
    void recordsAnAbsenceWithTheDepartmentOfItsFirstDay() {
        fixture.given(ANNA, new EmployeeTransferred("anna", "Accounts", "Clerk", START.plusDays(3)))
                .when(new RecordAbsence("anna", "a-1", AbsenceKind.SICK, START.plusDays(3), START.plusDays(4)))
                .expectEvents(new AbsenceRecorded("anna", "a-1", AbsenceKind.SICK, START.plusDays(3),
                        START.plusDays(4), "Anna Berg", "Accounts"));
    }

    @Test
    void schedulesAShiftAndFilesItsId() {
        fixture.given(ANNA)
                .when(new ScheduleShift("anna", "s-1", START, NINE, FIVE, null, null))
                .expectEvents(shift("s-1", START, NINE, FIVE));
        assertThat(staff.filedShifts).containsExactly("s-1");
    }

    @Test
    void aShiftBeforeTheHireIsRefused() {
        fixture.given(ANNA)
                .when(new ScheduleShift("anna", "s-1", START.minusDays(1), NINE, FIVE, null, null))
                .expectNoEvents()
                .expectException(withRule("BEFORE_HIRE"));
    }

    @Test
    void aShiftAfterTheLastDayIsRefused() {
        fixture.given(ANNA, new EmployeeTerminated("anna", START))
                .when(new ScheduleShift("anna", "s-1", START.plusDays(1), NINE, FIVE, null, null))
                .expectNoEvents()
                .expectException(withRule("TERMINATED"));
    }

    @Test
    void aShiftOnADayOfAbsenceIsRefused() {
        fixture.given(ANNA, new AbsenceRecorded("anna", "a-1", AbsenceKind.VACATION, START, START.plusDays(4),
                        "Anna Berg", "Reception"))
                .when(new ScheduleShift("anna", "s-1", START.plusDays(4), NINE, FIVE, null, null))
                .expectNoEvents()
                .expectException(withRule("EMPLOYEE_ABSENT"));
    }

    @Test
    void anOverlappingShiftIsAConflict() {
        fixture.given(ANNA, shift("s-1", START, NINE, FIVE))
                .when(new ScheduleShift("anna", "s-2", START, LocalTime.of(16, 59), LocalTime.of(20, 0), null, null))
                .expectNoEvents()
                .expectException(withRule("OVERLAPPING_SHIFT"));
    }

    @Test
    void backToBackShiftsDoNotOverlap() {
        fixture.given(ANNA, shift("s-1", START, NINE, FIVE))
                .when(new ScheduleShift("anna", "s-2", START, FIVE, LocalTime.of(20, 0), "Night desk", "Lobby"))
                .expectEvents(new ShiftScheduled("anna", "s-2", START, FIVE, LocalTime.of(20, 0), "Night desk",
                        "Lobby", "Anna Berg", "Reception"));
    }

    @Test
    void aCancelledShiftFreesItsTime() {
        fixture.given(ANNA, shift("s-1", START, NINE, FIVE), new ShiftCancelled("anna", "s-1", START))
                .when(new ScheduleShift("anna", "s-2", START, NINE, FIVE, null, null))
                .expectEvents(shift("s-2", START, NINE, FIVE));
    }

    @Test
    void aTakenShiftIdIsRefusedAsDuplicate() {
        staff.filedShifts.add("s-1");
        fixture.given(ANNA)
                .when(new ScheduleShift("anna", "s-1", START, NINE, FIVE, null, null))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.DUPLICATE));
    }

    @Test
    void aSalaryChangeDatedInAMonthWhosePayrollHasBeenRunIsRefused() {
        staff.latestPayroll = YearMonth.of(2026, 12);
        fixture.given(ANNA)
                .when(new ChangeSalary("anna", Money.dkk("32000.00"), LocalDate.of(2026, 12, 31)))
                .expectNoEvents()
                .expectException(alreadyPaid("effective", "2026-12"));
        // an earlier month than the latest run is paid too (a change there is in force in the run month)
        fixture.given(ANNA)
                .when(new ChangeSalary("anna", Money.dkk("32000.00"), START.plusDays(10)))
                .expectNoEvents()
                .expectException(alreadyPaid("effective", "2026-12"));
    }

    @Test
    void aSalaryChangeDatedAfterTheLastMonthRunIsAccepted() {
        staff.latestPayroll = YearMonth.of(2026, 12);
        fixture.given(ANNA)
                .when(new ChangeSalary("anna", Money.dkk("32000.00"), LocalDate.of(2027, 1, 1)))
                .expectEvents(new SalaryChanged("anna", Money.dkk("32000.00"), LocalDate.of(2027, 1, 1)));
    }

    @Test
    void aTransferDatedInAMonthWhosePayrollHasBeenRunIsRefused() {
        staff.latestPayroll = YearMonth.of(2026, 11);
        fixture.given(ANNA)
                .when(new TransferEmployee("anna", "Accounts", "Clerk", LocalDate.of(2026, 11, 30)))
                .expectNoEvents()
                .expectException(alreadyPaid("effective", "2026-11"));
    }

    @Test
    void aTerminationWhoseLastDayIsInAMonthWhosePayrollHasBeenRunIsRefused() {
        staff.latestPayroll = YearMonth.of(2026, 11);
        fixture.given(ANNA)
                .when(new TerminateEmployee("anna", LocalDate.of(2026, 11, 20)))
                .expectNoEvents()
                .expectException(alreadyPaid("date", "2026-11"));
        fixture.given(ANNA)
                .when(new TerminateEmployee("anna", LocalDate.of(2026, 12, 1)))
                .expectEvents(new EmployeeTerminated("anna", LocalDate.of(2026, 12, 1)));
    }

    @Test
    void aHireStartingInAMonthWhosePayrollHasBeenRunIsRefusedAndNotEnrolled() {
        staff.latestPayroll = YearMonth.of(2026, 11);
        fixture.givenNoPriorActivity()
                .when(new HireEmployee("anna", "Anna Berg", "Reception", "Receptionist", Money.dkk("31000"), START))
                .expectNoEvents()
                .expectException(alreadyPaid("startDate", "2026-11"));
        assertThat(staff.enrolled).isEmpty();
        fixture.givenNoPriorActivity()
                .when(new HireEmployee("anna", "Anna Berg", "Reception", "Receptionist", Money.dkk("31000"),
                        LocalDate.of(2026, 12, 1)))
                .expectEvents(new EmployeeHired("anna", "Anna Berg", "Reception", "Receptionist",
                        Money.dkk("31000.00"), LocalDate.of(2026, 12, 1)));
        assertThat(staff.enrolled).containsExactly("anna");
    }

    @Test
    void shiftsEndingBeforeTheyStartOrLongerThanSixteenHoursAreInvalid() {
        assertThatThrownBy(() -> new ScheduleShift("anna", "s-1", START, FIVE, NINE, null, null))
                .isInstanceOf(KontorException.class).hasMessageContaining("ends after it starts");
        assertThatThrownBy(() -> new ScheduleShift("anna", "s-1", START, LocalTime.of(6, 0), LocalTime.of(22, 1),
                null, null)).isInstanceOf(KontorException.class).hasMessageContaining("16 hours");
    }

    static Matcher<Throwable> withCode(ErrorCode code) {
        return new FeatureMatcher<>(equalTo(code), "error code", "code") {
            @Override
            protected ErrorCode featureValueOf(Throwable actual) {
                return actual instanceof KontorException k ? k.code() : null;
            }
        };
    }

    static Matcher<Throwable> alreadyPaid(String field, String period) {
        return allOf(withCode(ErrorCode.BUSINESS_RULE_VIOLATED), withRule("PAYROLL_ALREADY_RUN_FOR_PERIOD"),
                withProperty("field", field), withProperty("period", period));
    }

    static Matcher<Throwable> withProperty(String key, String value) {
        return new FeatureMatcher<>(equalTo(value), key, key) {
            @Override
            protected String featureValueOf(Throwable actual) {
                return actual instanceof KontorException k ? String.valueOf(k.properties().get(key)) : null;
            }
        };
    }

    static Matcher<Throwable> withRule(String rule) {
        return new FeatureMatcher<>(equalTo(rule), "rule", "rule") {
            @Override
            protected String featureValueOf(Throwable actual) {
                return actual instanceof KontorException k ? String.valueOf(k.properties().get("rule")) : null;
            }
        };
    }
}
