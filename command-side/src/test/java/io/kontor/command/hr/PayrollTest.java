package io.kontor.command.hr;

import io.kontor.command.ledger.LedgerDirectory;
import io.kontor.events.hr.EmployeeHired;
import io.kontor.events.hr.EmployeeTerminated;
import io.kontor.events.hr.EmployeeTransferred;
import io.kontor.events.hr.PayrollPaid;
import io.kontor.events.hr.PayrollRecorded;
import io.kontor.events.hr.PayrollRunCompleted;
import io.kontor.events.hr.Payslip;
import io.kontor.events.hr.SalaryChanged;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.kontor.command.hr.EmployeeTest.withCode;
import static io.kontor.command.hr.EmployeeTest.withRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayrollTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final LocalDate END = NOVEMBER.atEndOfMonth();

    private final FakeStaff staff = new FakeStaff();
    private final Set<YearMonth> closed = new HashSet<>();
    private AggregateTestFixture<Payroll> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payroll.class);
        fixture.registerInjectableResource(staff);
        fixture.registerInjectableResource(new LedgerDirectory() {
            @Override
            public Optional<AccountInfo> account(String code) {
                return Optional.empty();
            }

            @Override
            public boolean isClosed(YearMonth period) {
                return closed.contains(period);
            }
        });
    }

    private static Payslip slip(String id, int days, String gross) {
        return new Payslip(id, id, "Reception", days, Money.dkk(gross));
    }

    @Test
    void runsTheMonthWithEveryPayslipAndTheTotal() {
        staff.payslips.put("bo", slip("bo", 30, "28000.00"));
        staff.payslips.put("anna", slip("anna", 29, "29966.67"));
        fixture.givenNoPriorActivity()
                .when(new RunPayroll(NOVEMBER))
                .expectEvents(new PayrollRunCompleted("2026-11", END,
                        List.of(slip("anna", 29, "29966.67"), slip("bo", 30, "28000.00")), Money.dkk("57966.67")));
    }

    @Test
    void theRunRecordsItsMonthInTheRegistry() {
        staff.payslips.put("anna", slip("anna", 30, "100.00"));
        fixture.givenNoPriorActivity()
                .when(new RunPayroll(NOVEMBER))
                .expectEvents(new PayrollRunCompleted("2026-11", END, List.of(slip("anna", 30, "100.00")),
                        Money.dkk("100.00")));
        assertThat(staff.payrollsRecorded).containsExactly(NOVEMBER);
    }

    @Test
    void aRefusedRunRecordsNothing() {
        closed.add(NOVEMBER);
        fixture.givenNoPriorActivity()
                .when(new RunPayroll(NOVEMBER))
                .expectNoEvents()
                .expectException(withRule("PERIOD_CLOSED"));
        fixture.given(new PayrollRunCompleted("2026-11", END, List.of(), Money.dkk("0.00")))
                .when(new RunPayroll(NOVEMBER))
                .expectNoEvents()
                .expectException(withRule("PAYROLL_ALREADY_RUN"));
        assertThat(staff.payrollsRecorded).isEmpty();
    }

    @Test
    void theRegistryKeepsTheLatestMonthRunAndRefusesAHireStartingInIt() {
        EmployeeRegistry registry = new EmployeeRegistry();
        assertThat(registry.latestPayroll()).isEmpty();
        registry.on(new PayrollRecorded(EmployeeRegistry.STREAM_ID, "2026-11"));
        registry.on(new PayrollRecorded(EmployeeRegistry.STREAM_ID, "2026-10"));
        assertThat(registry.latestPayroll()).contains(NOVEMBER);
        assertThatThrownBy(() -> registry.enrol("anna", END))
                .satisfies(e -> assertThat(withRule("PAYROLL_ALREADY_RUN_FOR_PERIOD").matches(e)).isTrue());
        assertThat(registry.employeeIds()).isEmpty();
    }

    @Test
    void aSecondRunOfTheSameMonthIsAConflict() {
        fixture.given(new PayrollRunCompleted("2026-11", END, List.of(), Money.dkk("0.00")))
                .when(new RunPayroll(NOVEMBER))
                .expectNoEvents()
                .expectException(withRule("PAYROLL_ALREADY_RUN"));
    }

    @Test
    void aClosedMonthCannotBeRun() {
        closed.add(NOVEMBER);
        fixture.givenNoPriorActivity()
                .when(new RunPayroll(NOVEMBER))
                .expectNoEvents()
                .expectException(withRule("PERIOD_CLOSED"));
    }

    @Test
    void paysTheWholeRunOnce() {
        PayrollRunCompleted run = new PayrollRunCompleted("2026-11", END, List.of(slip("anna", 30, "100.00")),
                Money.dkk("100.00"));
        fixture.given(run)
                .when(new PayPayroll(NOVEMBER, END))
                .expectEvents(new PayrollPaid("2026-11", END, Money.dkk("100.00")));
        fixture.given(run, new PayrollPaid("2026-11", END, Money.dkk("100.00")))
                .when(new PayPayroll(NOVEMBER, END))
                .expectNoEvents()
                .expectException(withRule("PAYROLL_ALREADY_PAID"));
    }

    @Test
    void aMonthNotRunCannotBePaid() {
        fixture.givenNoPriorActivity()
                .when(new PayPayroll(NOVEMBER, END))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.NOT_FOUND));
    }

    @Test
    void aFullMonthPaysExactlyTheMonthlySalary() {
        Employee anna = employee(new EmployeeHired("anna", "Anna", "Reception", "Receptionist", Money.dkk("31000.00"),
                LocalDate.of(2025, 1, 1)));
        assertThat(anna.payslip(NOVEMBER)).contains(new Payslip("anna", "Anna", "Reception", 30,
                Money.dkk("31000.00")));
    }

    @Test
    void proratesByCalendarDaysWithTheSalaryInForceEachDay() {
        // Hired on the 2nd: 29 of 30 days at 31000 / 30 per day; from the 21st at 33000 / 30 per day.
        Employee anna = employee(new EmployeeHired("anna", "Anna", "Reception", "Receptionist", Money.dkk("31000.00"),
                        LocalDate.of(2026, 11, 2)),
                new SalaryChanged("anna", Money.dkk("33000.00"), LocalDate.of(2026, 11, 21)),
                new EmployeeTransferred("anna", "Accounts", "Clerk", LocalDate.of(2026, 11, 25)));
        // 19 × 31000 + 10 × 33000 = 919000; / 30 = 30633.333… → 30633.33
        assertThat(anna.payslip(NOVEMBER)).contains(new Payslip("anna", "Anna", "Accounts", 29,
                Money.dkk("30633.33")));
    }

    @Test
    void roundsHalfEvenToOere() {
        // 1 day of 31 at 0.31 = 0.01; 1 day of 30 at 0.15 = 0.005 → 0.00 (half-even), 3 days at 0.15 = 0.015 → 0.02
        Employee one = employee(new EmployeeHired("e", "E", "D", "R", Money.dkk("0.15"), LocalDate.of(2026, 11, 30)));
        assertThat(one.payslip(NOVEMBER)).get().extracting(Payslip::gross).isEqualTo(Money.dkk("0.00"));
        Employee three = employee(new EmployeeHired("e", "E", "D", "R", Money.dkk("0.15"),
                LocalDate.of(2026, 11, 28)));
        assertThat(three.payslip(NOVEMBER)).get().extracting(Payslip::gross).isEqualTo(Money.dkk("0.02"));
    }

    @Test
    void theLastDayIsPaidAndNothingAfterIt() {
        Employee anna = employee(new EmployeeHired("anna", "Anna", "Reception", "Receptionist", Money.dkk("30000.00"),
                LocalDate.of(2026, 1, 1)), new EmployeeTerminated("anna", LocalDate.of(2026, 11, 10)));
        assertThat(anna.payslip(NOVEMBER)).get().extracting(Payslip::gross).isEqualTo(Money.dkk("10000.00"));
        assertThat(anna.payslip(NOVEMBER.plusMonths(1))).isEmpty();
        assertThat(anna.payslip(YearMonth.of(2025, 12))).isEmpty();
    }

    private static Employee employee(Object... events) {
        Employee employee = new Employee();
        for (Object event : events) {
            if (event instanceof EmployeeHired e) {
                employee.on(e);
            } else if (event instanceof SalaryChanged e) {
                employee.on(e);
            } else if (event instanceof EmployeeTransferred e) {
                employee.on(e);
            } else if (event instanceof EmployeeTerminated e) {
                employee.on(e);
            } else {
                throw new IllegalArgumentException(event.toString());
            }
        }
        return employee;
    }
}
