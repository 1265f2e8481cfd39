package io.kontor.query.inventory;

import io.kontor.events.inventory.GoodsReceived;
import io.kontor.events.inventory.OrderLine;
import io.kontor.events.inventory.PurchaseOrderApproved;
import io.kontor.events.inventory.PurchaseOrderRaised;
import io.kontor.events.inventory.ReceivedLine;
import io.kontor.events.inventory.SupplierPaid;
import io.kontor.query.common.DocumentFold;
import io.kontor.query.common.Views;
import org.bson.Document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The purchase orders of one processor batch, folded in memory: an order's document is read at most once per batch,
 * each event changes it in memory, and it is written once per batch ({@link DocumentFold}). An event at or before
 * the position the document already reflects is a redelivery and changes nothing.
 */
final class PurchaseOrderFold implements Views.StagedWrites {

    static final String COLLECTION = "inventory_purchase_orders";

    enum Status { AWAITING_APPROVAL, OPEN, RECEIVED }

    private final DocumentFold orders;

    PurchaseOrderFold(Views views) {
        this.orders = new DocumentFold(views, COLLECTION);
    }

    void apply(long position, Object event) {
        String orderId = orderId(event);
        if (orders.applied(orderId, position)) {
            return;
        }
        Document order = orders.get(orderId);
        Document changed;
        if (event instanceof PurchaseOrderRaised e) {
            changed = raised(e);
        } else if (event instanceof PurchaseOrderApproved e) {
            changed = order.append("status", Status.OPEN.name()).append("approvedBy", e.approvedBy());
        } else if (event instanceof GoodsReceived e) {
            changed = received(order, e);
        } else {
            changed = paid(order, (SupplierPaid) event);
        }
        orders.changed(orderId, changed, position);
    }

    private static String orderId(Object event) {
        if (event instanceof PurchaseOrderRaised e) {
            return e.orderId();
        } else if (event instanceof PurchaseOrderApproved e) {
            return e.orderId();
        } else if (event instanceof GoodsReceived e) {
            return e.orderId();
        } else if (event instanceof SupplierPaid e) {
            return e.orderId();
        }
        throw new IllegalArgumentException("not a purchase order event: " + event);
    }

    private static Document raised(PurchaseOrderRaised event) {
        List<Document> lines = new ArrayList<>();
        BigDecimal ordered = BigDecimal.ZERO;
        for (OrderLine line : event.lines()) {
            BigDecimal cost = line.unitCost().amount().multiply(BigDecimal.valueOf(line.quantity()));
            ordered = ordered.add(cost);
            lines.add(new Document("sku", line.sku())
                    .append("ordered", line.quantity())
                    .append("received", 0L)
                    .append("remaining", line.quantity())
                    .append("unitCost", line.unitCost().amount().toPlainString())
                    .append("vatRate", line.vatRate().toPlainString()));
        }
        return new Document("_id", event.orderId())
                .append("orderId", event.orderId())
                .append("supplier", event.supplier())
                .append("requestedBy", event.requestedBy())
                .append("status", Status.AWAITING_APPROVAL.name())
                .append("lines", lines)
                .append("orderedCost", ordered.toPlainString())
                .append("receivedCost", "0.00")
                .append("receivedVat", "0.00")
                .append("receivedGross", "0.00")
                .append("paid", "0.00")
                .append("unpaid", "0.00")
                .append("receipts", 0);
    }

    private static Document received(Document order, GoodsReceived event) {
        Map<String, ReceivedLine> bySku = new HashMap<>();
        event.lines().forEach(line -> bySku.put(line.sku(), line));
        for (Document line : order.getList("lines", Document.class)) {
            ReceivedLine receivedLine = bySku.get(line.getString("sku"));
            if (receivedLine != null) {
                line.put("received", line.getLong("received") + receivedLine.quantity());
                line.put("remaining", receivedLine.remaining());
            }
        }
        return order
                .append("status", event.fullyReceived() ? Status.RECEIVED.name() : Status.OPEN.name())
                .append("receivedCost", add(order, "receivedCost", event.cost().amount()))
                .append("receivedVat", add(order, "receivedVat", event.vat().amount()))
                .append("receivedGross", add(order, "receivedGross", event.gross().amount()))
                .append("unpaid", add(order, "unpaid", event.gross().amount()))
                .append("receipts", order.getInteger("receipts") + 1);
    }

    private static Document paid(Document order, SupplierPaid event) {
        return order
                .append("paid", add(order, "paid", event.amount().amount()))
                .append("unpaid", add(order, "unpaid", event.amount().amount().negate()));
    }

    private static String add(Document order, String field, BigDecimal amount) {
        return new BigDecimal(order.getString(field)).add(amount).toPlainString();
    }

    /** Stages each changed order once, in its final state, into the collection's batch. */
    @Override
    public void flush() {
        orders.flush();
    }
}
