package io.kontor.events.inventory;

import io.kontor.shared.Money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a goods receipt: {@code quantity} units of {@code sku} at the order's {@code unitCost};
 * {@code cost} = quantity × unit cost (exact), {@code vat} = cost × vatRate / 100 rounded half-even to øre, and
 * {@code remaining} what is still to be received on the order's line after this receipt.
 */
public record ReceivedLine(String sku, long quantity, Money unitCost, Money cost, BigDecimal vatRate, Money vat,
                           long remaining) {

    public ReceivedLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unitCost, "unitCost");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(vatRate, "vatRate");
        Objects.requireNonNull(vat, "vat");
    }
}
