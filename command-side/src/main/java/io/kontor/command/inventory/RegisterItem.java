package io.kontor.command.inventory;

import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a stock item: its sku, what it is called, the unit it is counted in, and when to reorder it. */
public record RegisterItem(String sku, String name, String unit, long reorderLevel) {

    public RegisterItem {
        Checks.id(sku, "sku");
        Checks.text(name, "name", 100);
        Checks.text(unit, "unit", 20);
        Input.notNegative(reorderLevel, "reorderLevel");
    }

    @TargetAggregateIdentifier
    public String itemId() {
        return Item.streamId(sku);
    }
}
