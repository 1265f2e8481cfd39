package io.kontor.events.inventory;

import io.kontor.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An item's stock grew by a receipt on a purchase order: {@code quantity} at {@code unitCost}, worth {@code cost}
 * exactly. {@code quantityOnHand} and {@code valueOnHand} are the item's stock after it. The ledger posting is the
 * order's {@link GoodsReceived}, in the same commit; this event posts nothing.
 */
@Revision("1")
public record StockReceived(String sku, String orderId, String receiptId, LocalDate date, long quantity,
                            Money unitCost, Money cost, long quantityOnHand, Money valueOnHand) {

    public StockReceived {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(receiptId, "receiptId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(unitCost, "unitCost");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(valueOnHand, "valueOnHand");
    }
}
