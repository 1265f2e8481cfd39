package io.kontor.events.inventory;

import org.axonframework.serialization.Revision;

import java.util.Objects;

/**
 * A stock item was registered under its sku, with nothing on hand. Quantities of an item are whole {@code unit}s;
 * {@code reorderLevel} is the quantity at or below which the item is listed for reordering.
 */
@Revision("1")
public record ItemRegistered(String sku, String name, String unit, long reorderLevel) {

    public ItemRegistered {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
    }
}
