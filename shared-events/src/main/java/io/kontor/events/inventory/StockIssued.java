package io.kontor.events.inventory;

import io.kontor.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Stock was issued for use or sale at the moving weighted average cost. {@code unitCost} is that average rounded to
 * øre (for reading); {@code total} is what it posts (cost of goods sold against inventory): quantity × the exact
 * average rounded half-even, or exactly the remaining value when the issue takes all remaining stock.
 * {@code quantityOnHand} and {@code valueOnHand} are the item's stock after it.
 */
@Revision("1")
public record StockIssued(String sku, String issueId, LocalDate date, String reason, long quantity, Money unitCost,
                          Money total, long quantityOnHand, Money valueOnHand) {

    public StockIssued {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(unitCost, "unitCost");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(valueOnHand, "valueOnHand");
    }
}
