package io.kontor.events.hr;

import io.kontor.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The payroll of {@code period} (yyyy-MM) was run, dated {@code date} (the month's last day): every employee employed
 * on a day of the month with their gross pay, and the {@code total} the ledger posts as salaries payable.
 */
@Revision("1")
public record PayrollRunCompleted(String period, LocalDate date, List<Payslip> payslips, Money total) {

    public PayrollRunCompleted {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(date, "date");
        payslips = List.copyOf(payslips);
        Objects.requireNonNull(total, "total");
    }
}
