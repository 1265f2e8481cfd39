package io.kontor.command.inventory;

import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Objects;

/** Issue {@code quantity} units of an item for use or sale; never more than is on hand. */
public record IssueStock(String sku, String issueId, LocalDate date, long quantity, String reason) {

    public IssueStock {
        Checks.id(sku, "sku");
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(date, "date");
        Input.positive(quantity, "quantity");
        Checks.text(reason, "reason", 500);
    }

    @TargetAggregateIdentifier
    public String itemId() {
        return Item.streamId(sku);
    }
}
