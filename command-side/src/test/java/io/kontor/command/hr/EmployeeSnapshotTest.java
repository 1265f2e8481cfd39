package io.kontor.command.hr;

import io.kontor.eventlog.KontorJson;
import io.kontor.events.hr.AbsenceKind;
import io.kontor.events.hr.AbsenceRecorded;
import io.kontor.events.hr.EmployeeEnrolled;
import io.kontor.events.hr.EmployeeHired;
import io.kontor.events.hr.EmployeeTerminated;
import io.kontor.events.hr.EmployeeTransferred;
import io.kontor.events.hr.PayrollRecorded;
import io.kontor.events.hr.SalaryChanged;
import io.kontor.events.hr.ShiftScheduled;
import io.kontor.shared.Money;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** Employees and the registry, through the serializer the command side stores snapshots with, are the same again. */
class EmployeeSnapshotTest {

    private static final LocalDate DAY = LocalDate.of(2027, 3, 8);
    private final Serializer serializer = JacksonSerializer.builder().objectMapper(KontorJson.objectMapper()).build();

    @Test
    void anEmployeeSurvivesItsSnapshot() {
        Employee employee = new Employee();
        employee.on(new EmployeeHired("anna", "Anna Berg", "Reception", "Receptionist", Money.dkk("31000.00"), DAY));
        employee.on(new EmployeeTransferred("anna", "Accounts", "Clerk", DAY.plusDays(10)));
        employee.on(new SalaryChanged("anna", Money.dkk("32000.00"), DAY.plusDays(5)));
        employee.on(new AbsenceRecorded("anna", "a-1", AbsenceKind.SICK, DAY.plusDays(1), DAY.plusDays(2),
                "Anna Berg", "Reception"));
        employee.on(new ShiftScheduled("anna", "s-1", DAY, LocalTime.of(9, 0), LocalTime.of(17, 0), null, null,
                "Anna Berg", "Reception"));
        employee.on(new EmployeeTerminated("anna", DAY.plusDays(40)));

        SerializedObject<byte[]> snapshot = serializer.serialize(employee, byte[].class);
        Employee restored = serializer.deserialize(snapshot);

        assertThat(restored).usingRecursiveComparison().isEqualTo(employee);
        assertThat(restored.payslip(YearMonth.of(2027, 3))).isEqualTo(employee.payslip(YearMonth.of(2027, 3)));
    }

    @Test
    void theRegistrySurvivesItsSnapshot() {
        EmployeeRegistry registry = new EmployeeRegistry();
        registry.on(new EmployeeEnrolled(EmployeeRegistry.STREAM_ID, "anna"));
        registry.on(new EmployeeEnrolled(EmployeeRegistry.STREAM_ID, "bo"));
        registry.on(new PayrollRecorded(EmployeeRegistry.STREAM_ID, "2027-03"));

        EmployeeRegistry restored = serializer.deserialize(serializer.serialize(registry, byte[].class));

        assertThat(restored.employeeIds()).containsExactly("anna", "bo");
        assertThat(restored.latestPayroll()).contains(YearMonth.of(2027, 3));
    }
}
