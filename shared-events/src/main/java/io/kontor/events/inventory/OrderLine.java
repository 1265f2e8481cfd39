package io.kontor.events.inventory;

import io.kontor.shared.Money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a purchase order: {@code quantity} units of {@code sku} at {@code unitCost} each (excluding VAT), and
 * the VAT rate in percent that applies to the line's cost.
 */
public record OrderLine(String sku, long quantity, Money unitCost, BigDecimal vatRate) {

    public OrderLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unitCost, "unitCost");
        Objects.requireNonNull(vatRate, "vatRate");
    }
}
