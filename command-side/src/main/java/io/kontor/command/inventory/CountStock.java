package io.kontor.command.inventory;

import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Objects;

/** Record a stock count of an item: it has {@code countedQuantity} units; the difference is posted. */
public record CountStock(String sku, String countId, LocalDate date, long countedQuantity) {

    public CountStock {
        Checks.id(sku, "sku");
        Objects.requireNonNull(countId, "countId");
        Objects.requireNonNull(date, "date");
        Input.notNegative(countedQuantity, "countedQuantity");
    }

    @TargetAggregateIdentifier
    public String itemId() {
        return Item.streamId(sku);
    }
}
