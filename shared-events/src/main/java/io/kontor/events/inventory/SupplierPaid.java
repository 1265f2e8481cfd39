package io.kontor.events.inventory;

import io.kontor.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/** The supplier of a purchase order was paid {@code amount} from the bank on {@code date}. */
@Revision("1")
public record SupplierPaid(String orderId, String paymentId, LocalDate date, String supplier, Money amount) {

    public SupplierPaid {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(amount, "amount");
    }
}
