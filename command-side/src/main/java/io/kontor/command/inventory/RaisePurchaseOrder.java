package io.kontor.command.inventory;

import io.kontor.events.inventory.OrderLine;
import io.kontor.shared.Checks;
import io.kontor.shared.KontorException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Raise a purchase order with a supplier: one line per sku, positive quantities, unit costs not negative. */
public record RaisePurchaseOrder(String orderId, String supplier, List<OrderLine> lines) {

    public static final int MAX_LINES = 200;

    public RaisePurchaseOrder {
        Checks.id(orderId, "id");
        Checks.text(supplier, "supplier", 200);
        if (lines == null || lines.isEmpty()) {
            throw KontorException.invalidField("lines", "a purchase order has at least one line");
        }
        if (lines.size() > MAX_LINES) {
            throw KontorException.invalidField("lines", "a purchase order has at most " + MAX_LINES + " lines");
        }
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            String field = "lines[" + i + "]";
            Checks.id(line.sku(), field + ".sku");
            if (!skus.add(line.sku())) {
                throw KontorException.invalidField(field + ".sku", "each sku appears on one line only");
            }
            Input.positive(line.quantity(), field + ".quantity");
            if (line.unitCost().isNegative()) {
                throw KontorException.invalidField(field + ".unitCost", "unitCost must not be negative");
            }
            if (line.vatRate().signum() < 0 || line.vatRate().compareTo(BigDecimal.valueOf(100)) > 0
                    || line.vatRate().stripTrailingZeros().scale() > 2) {
                throw KontorException.invalidField(field + ".vatRate",
                        "vatRate is a percentage from 0 to 100 with at most 2 decimals");
            }
        }
        lines = List.copyOf(lines);
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return PurchaseOrder.streamId(orderId);
    }
}
