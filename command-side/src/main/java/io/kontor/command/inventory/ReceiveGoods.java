package io.kontor.command.inventory;

import io.kontor.shared.Checks;
import io.kontor.shared.KontorException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Receive (part of) what an approved purchase order ordered: one line per sku, positive quantities. */
public record ReceiveGoods(String orderId, String receiptId, LocalDate date, List<Line> lines) {

    /** {@code quantity} units of {@code sku} arrived. */
    public record Line(String sku, long quantity) {
    }

    public ReceiveGoods {
        Checks.id(orderId, "id");
        Objects.requireNonNull(receiptId, "receiptId");
        Objects.requireNonNull(date, "date");
        if (lines == null || lines.isEmpty()) {
            throw KontorException.invalidField("lines", "a receipt has at least one line");
        }
        if (lines.size() > RaisePurchaseOrder.MAX_LINES) {
            throw KontorException.invalidField("lines",
                    "a receipt has at most " + RaisePurchaseOrder.MAX_LINES + " lines");
        }
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String field = "lines[" + i + "]";
            if (line == null) {
                throw KontorException.invalidField(field, "a line is required");
            }
            Checks.id(line.sku(), field + ".sku");
            if (!skus.add(line.sku())) {
                throw KontorException.invalidField(field + ".sku", "each sku appears on one line only");
            }
            Input.positive(line.quantity(), field + ".quantity");
        }
        lines = List.copyOf(lines);
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return PurchaseOrder.streamId(orderId);
    }
}
