package io.kontor.query.inventory;

import io.kontor.events.inventory.GoodsReceived;
import io.kontor.events.inventory.ItemRegistered;
import io.kontor.events.inventory.PurchaseOrderApproved;
import io.kontor.events.inventory.PurchaseOrderRaised;
import io.kontor.events.inventory.StockCounted;
import io.kontor.events.inventory.StockIssued;
import io.kontor.events.inventory.StockReceived;
import io.kontor.events.inventory.SupplierPaid;
import io.kontor.query.common.ViewCollections;
import io.kontor.query.common.Views;
import io.kontor.shared.Money;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

/**
 * Folds the log into the inventory views: stock on hand per item in {@value #ITEMS}, each item's movements with
 * the running quantity and value in {@value #MOVEMENTS}, and purchase orders with what remains to receive in
 * {@value PurchaseOrderFold#COLLECTION}. Stock events carry the item's quantity and value after them, as the command
 * side computed them, so an item's view is a position-guarded write per event. A movement is keyed by the item's
 * sku and its sequence number in the item's stream, so a page of movements is read by key.
 */
@Component
@ProcessingGroup(InventoryProjection.GROUP)
@ViewCollections({InventoryProjection.ITEMS, InventoryProjection.MOVEMENTS, PurchaseOrderFold.COLLECTION})
public class InventoryProjection {

    public static final String GROUP = "inventory";
    public static final String ITEMS = "inventory_items";
    public static final String MOVEMENTS = "inventory_movements";
    private static final String ORDERS = InventoryProjection.class.getName() + ".orders";

    private final Views views;

    InventoryProjection(Views views) {
        this.views = views;
    }

    /** The key of the {@code sequence}th event of an item's stream in {@value #MOVEMENTS}. */
    public static String movementId(String sku, long sequence) {
        return sku + "#" + sequence;
    }

    @EventHandler
    void on(ItemRegistered event, TrackingToken token) {
        views.batch(ITEMS).put(event.sku(), new Document("sku", event.sku())
                        .append("name", event.name())
                        .append("unit", event.unit())
                        .append("reorderLevel", event.reorderLevel())
                        .append("quantity", 0L)
                        .append("value", "0.00")
                        .append("averageCost", "0.00")
                        .append("lastMovement", 0L),
                Views.positionOf(token));
    }

    @EventHandler
    void on(StockReceived event, @SequenceNumber long sequence, TrackingToken token) {
        movement(event.sku(), sequence, token, event.date(), "RECEIPT", event.orderId() + "/" + event.receiptId(),
                event.quantity(), event.unitCost(), event.cost(), event.quantityOnHand(), event.valueOnHand());
    }

    @EventHandler
    void on(StockIssued event, @SequenceNumber long sequence, TrackingToken token) {
        movement(event.sku(), sequence, token, event.date(), "ISSUE", event.issueId() + ": " + event.reason(),
                -event.quantity(), event.unitCost(), event.total().negate(), event.quantityOnHand(),
                event.valueOnHand());
    }

    @EventHandler
    void on(StockCounted event, @SequenceNumber long sequence, TrackingToken token) {
        movement(event.sku(), sequence, token, event.date(), "COUNT", event.countId(), event.difference(),
                event.unitCost(), event.valueDifference(), event.quantityOnHand(), event.valueOnHand());
    }

    @EventHandler
    void on(PurchaseOrderRaised event, TrackingToken token) {
        orders().apply(Views.positionOf(token), event);
    }

    @EventHandler
    void on(PurchaseOrderApproved event, TrackingToken token) {
        orders().apply(Views.positionOf(token), event);
    }

    @EventHandler
    void on(GoodsReceived event, TrackingToken token) {
        orders().apply(Views.positionOf(token), event);
    }

    @EventHandler
    void on(SupplierPaid event, TrackingToken token) {
        orders().apply(Views.positionOf(token), event);
    }

    private PurchaseOrderFold orders() {
        return views.staged(ORDERS, () -> new PurchaseOrderFold(views));
    }

    private void movement(String sku, long sequence, TrackingToken token, LocalDate date, String kind,
                          String reference, long quantity, Money unitCost, Money value, long quantityOnHand,
                          Money valueOnHand) {
        long position = Views.positionOf(token);
        views.batch(MOVEMENTS).put(movementId(sku, sequence), new Document("sku", sku)
                        .append("sequence", sequence)
                        .append("date", date.toString())
                        .append("kind", kind)
                        .append("reference", reference)
                        .append("quantity", quantity)
                        .append("unitCost", amount(unitCost))
                        .append("value", amount(value))
                        .append("quantityOnHand", quantityOnHand)
                        .append("valueOnHand", amount(valueOnHand)),
                position);
        views.batch(ITEMS).update(sku, combine(
                        set("quantity", quantityOnHand),
                        set("value", amount(valueOnHand)),
                        set("averageCost", amount(averageCost(quantityOnHand, valueOnHand, unitCost))),
                        set("lastMovement", sequence)),
                position);
    }

    /** The average after a movement; with nothing left on hand, the cost the last movement was valued at. */
    static Money averageCost(long quantity, Money value, Money lastUnitCost) {
        if (quantity == 0) {
            return lastUnitCost;
        }
        return Money.rounded(value.amount().divide(BigDecimal.valueOf(quantity), 2, RoundingMode.HALF_EVEN), value.currency());
    }

    static String amount(Money money) {
        return money.amount().toPlainString();
    }
}
