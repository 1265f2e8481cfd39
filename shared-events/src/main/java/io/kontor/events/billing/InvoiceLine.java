package io.kontor.events.billing;

import io.kontor.shared.Money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of an invoice: {@code quantity} (whole or fractional, such as 1.5 hours) of {@code description} at
 * {@code unitPrice} each, excluding VAT. {@code net} = quantity × unit price and {@code vat} = net × vatRate / 100,
 * each rounded half-even to øre on this line; {@code gross} = net + VAT.
 */
public record InvoiceLine(String description, BigDecimal quantity, Money unitPrice, BigDecimal vatRate, Money net,
                          Money vat, Money gross) {

    public InvoiceLine {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(vatRate, "vatRate");
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(vat, "vat");
        Objects.requireNonNull(gross, "gross");
    }
}
