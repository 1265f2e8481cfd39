package io.kontor.command.inventory;

import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approve a purchase order; the approver is the acting user, who must not be the one who raised it. */
public record ApprovePurchaseOrder(String orderId) {

    public ApprovePurchaseOrder {
        Checks.id(orderId, "id");
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return PurchaseOrder.streamId(orderId);
    }
}
