package io.kontor.events.hr;

import org.axonframework.serialization.Revision;

import java.util.Objects;

/**
 * The employee registry ({@code registryId}, one stream for the whole business) lists a newly hired employee, in the
 * same commit as the hire: payroll reads the list of employees from this stream, not from a view.
 */
@Revision("1")
public record EmployeeEnrolled(String registryId, String employeeId) {

    public EmployeeEnrolled {
        Objects.requireNonNull(registryId, "registryId");
        Objects.requireNonNull(employeeId, "employeeId");
    }
}
