package io.kontor.command.billing;

import io.kontor.events.billing.PaymentMethod;
import io.kontor.shared.Checks;
import io.kontor.shared.KontorException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Record a customer's payment on an invoice, in the invoice's currency: positive, and never more than is open. */
public record ReceivePayment(String invoiceId, String paymentId, BigDecimal amount, PaymentMethod method,
                             LocalDate date) {

    public ReceivePayment {
        Checks.id(invoiceId, "id");
        Checks.id(paymentId, "paymentId");
        positiveAmount(amount);
        Checks.required(method, "method");
        Checks.required(date, "date");
    }

    /** A payment's or credit note's amount: positive, at most two decimals and 13 digits before the point. */
    static BigDecimal positiveAmount(BigDecimal amount) {
        Checks.required(amount, "amount");
        if (amount.signum() <= 0) {
            throw KontorException.invalidField("amount", "amount must be positive");
        }
        if (amount.stripTrailingZeros().scale() > 2 || amount.precision() - amount.scale() > 13) {
            throw KontorException.invalidField("amount", "amount has at most 2 decimals and 13 digits");
        }
        return amount;
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Invoice.streamId(invoiceId);
    }
}
