package io.kontor.events.inventory;

import io.kontor.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Goods were received on an approved purchase order, on {@code date}. It carries every amount it posts: the
 * inventory {@code cost} and input {@code vat} (the sums of its lines) against accounts payable {@code gross}.
 * The stock of each item received is changed in the same commit by a {@link StockReceived} per line.
 */
@Revision("1")
public record GoodsReceived(String orderId, String receiptId, LocalDate date, String supplier,
                            List<ReceivedLine> lines, Money cost, Money vat, Money gross, boolean fullyReceived) {

    public GoodsReceived {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(receiptId, "receiptId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(vat, "vat");
        Objects.requireNonNull(gross, "gross");
        lines = List.copyOf(lines);
    }
}
