package io.kontor.command.hr;

import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Move an employee to {@code department} as {@code role} from {@code effective} on. */
public record TransferEmployee(String employeeId, String department, String role, LocalDate effective) {

    public TransferEmployee {
        Checks.id(employeeId, "id");
        Checks.text(department, "department", 60);
        Checks.text(role, "role", 60);
        Fields.date(effective, "effective");
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Employee.streamId(employeeId);
    }
}
