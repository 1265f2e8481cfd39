package io.kontor.events.inventory;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.Objects;

/**
 * A purchase order was raised by {@code requestedBy}; it needs an approval by someone else before goods can be
 * received on it. Each sku appears on one line only.
 */
@Revision("1")
public record PurchaseOrderRaised(String orderId, String supplier, String requestedBy, List<OrderLine> lines) {

    public PurchaseOrderRaised {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(requestedBy, "requestedBy");
        lines = List.copyOf(lines);
    }
}
