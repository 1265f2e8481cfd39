package io.kontor.command.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a stock item: its sku, what it is called, the unit it is counted in, and when to reorder it. */
public record RegisterItem(String sku, String name, String unit, long reorderLevel) {

    public RegisterItem {
        Input.id(sku, "sku");
        Input.text(name, "name", 100);
        Input.text(unit, "unit", 20);
        Input.notNegative(reorderLevel, "reorderLevel");
    }

    @TargetAggregateIdentifier
    public String itemId() {
        return Item.streamId(sku);
    }
}
