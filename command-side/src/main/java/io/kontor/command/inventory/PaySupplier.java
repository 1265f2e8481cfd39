package io.kontor.command.inventory;

import io.kontor.shared.Checks;
import io.kontor.shared.KontorException;
import io.kontor.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Objects;

/** Pay the supplier of a purchase order from the bank: at most what its receipts made payable and is unpaid. */
public record PaySupplier(String orderId, String paymentId, LocalDate date, Money amount) {

    public PaySupplier {
        Checks.id(orderId, "id");
        Objects.requireNonNull(paymentId, "paymentId");
        if (date == null) {
            throw KontorException.invalidField("date", "date is required");
        }
        if (amount == null || !amount.isPositive()) {
            throw KontorException.invalidField("amount", "amount must be positive");
        }
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return PurchaseOrder.streamId(orderId);
    }
}
