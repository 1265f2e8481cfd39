package io.kontor.events.hr;

import io.kontor.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/** The payroll of {@code period} was paid from the bank on {@code date}: {@code amount} is its whole total. */
@Revision("1")
public record PayrollPaid(String period, LocalDate date, Money amount) {

    public PayrollPaid {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
    }
}
