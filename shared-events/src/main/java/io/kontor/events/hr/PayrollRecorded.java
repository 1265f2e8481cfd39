package io.kontor.events.hr;

import org.axonframework.serialization.Revision;

import java.util.Objects;

/**
 * The employee registry ({@code registryId}) notes that the payroll of {@code period} (yyyy-MM) was run, in the same
 * commit as the run: from then on nothing that changes pay may be dated on or before that month's last day, and a
 * hire racing the run conflicts with it on the registry's sequence numbers.
 */
@Revision("1")
public record PayrollRecorded(String registryId, String period) {

    public PayrollRecorded {
        Objects.requireNonNull(registryId, "registryId");
        Objects.requireNonNull(period, "period");
    }
}
