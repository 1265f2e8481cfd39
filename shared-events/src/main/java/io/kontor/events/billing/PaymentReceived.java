package io.kontor.events.billing;

import io.kontor.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code customer} paid {@code amount} on an invoice on {@code date}, by {@code method}; {@code openAfter} is what
 * remains open on the invoice after this payment.
 */
@Revision("1")
public record PaymentReceived(String invoiceId, String paymentId, LocalDate date, String customer,
                              PaymentMethod method, Money amount, Money openAfter) {

    public PaymentReceived {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(openAfter, "openAfter");
    }
}
