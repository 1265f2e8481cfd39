package io.kontor.events.inventory;

import io.kontor.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A stock count found {@code countedQuantity} where the item's stock said {@code expectedQuantity}.
 * {@code difference} = counted − expected; {@code valueDifference} is its signed value at the moving average cost
 * {@code unitCost} (a loss of all remaining stock takes exactly the remaining value), posted as an inventory
 * difference. {@code quantityOnHand} and {@code valueOnHand} are the item's stock after it.
 */
@Revision("1")
public record StockCounted(String sku, String countId, LocalDate date, long expectedQuantity, long countedQuantity,
                           long difference, Money unitCost, Money valueDifference, long quantityOnHand,
                           Money valueOnHand) {

    public StockCounted {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(countId, "countId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(unitCost, "unitCost");
        Objects.requireNonNull(valueDifference, "valueDifference");
        Objects.requireNonNull(valueOnHand, "valueOnHand");
    }
}
