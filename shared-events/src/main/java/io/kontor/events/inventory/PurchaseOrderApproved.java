package io.kontor.events.inventory;

import org.axonframework.serialization.Revision;

import java.util.Objects;

/** A purchase order was approved by {@code approvedBy}, who is not the person who raised it (maker-checker). */
@Revision("1")
public record PurchaseOrderApproved(String orderId, String approvedBy) {

    public PurchaseOrderApproved {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(approvedBy, "approvedBy");
    }
}
