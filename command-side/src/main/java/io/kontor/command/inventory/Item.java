package io.kontor.command.inventory;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.kontor.command.ledger.LedgerDirectory;
import io.kontor.events.inventory.ItemRegistered;
import io.kontor.events.inventory.StockCounted;
import io.kontor.events.inventory.StockIssued;
import io.kontor.events.inventory.StockReceived;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import io.kontor.shared.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A stock item and its stock, kept from its own events: quantity on hand and value in exact øre at the moving
 * weighted average cost ({@link StockLevel}). Receipts come through its purchase order, in the same commit.
 * Snapshots are its fields as JSON (see {@link InventoryConfiguration}).
 */
@Aggregate(snapshotTriggerDefinition = "itemSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Item {

    private static final String STREAM_PREFIX = "item:";

    @AggregateIdentifier
    private String itemId;
    private String sku;
    private StockLevel stock;

    /** Axon rebuilds the item from its events, and creates it empty for the create-if-missing handlers. */
    protected Item() {
    }

    /** The item's stream in the log: prefixed, so a sku never collides with an account code or another id. */
    public static String streamId(String sku) {
        return STREAM_PREFIX + sku;
    }

    /** Create-if-missing, so that a taken sku is refused by the item itself as {@code DUPLICATE}. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void register(RegisterItem command) {
        if (sku != null) {
            throw new KontorException(ErrorCode.DUPLICATE, "item " + command.sku() + " already exists",
                    Map.of("field", "sku"));
        }
        apply(new ItemRegistered(command.sku(), command.name(), command.unit(), command.reorderLevel()));
    }

    /** Create-if-missing only so that an unknown sku is a 404 from here, not a storage error; it creates nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void issue(IssueStock command, LedgerDirectory directory) {
        requireRegistered(command.sku());
        directory.requireOpen(command.date());
        if (command.quantity() > stock.quantity()) {
            throw new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED,
                    "cannot issue " + command.quantity() + " of " + sku + ": " + stock.quantity() + " on hand",
                    Map.of("rule", "INSUFFICIENT_STOCK", "field", "quantity", "onHand", stock.quantity()));
        }
        Money total = stock.valueOf(command.quantity());
        StockLevel after = stock.take(command.quantity());
        apply(new StockIssued(sku, command.issueId(), command.date(), command.reason(), command.quantity(),
                stock.averageCost(), total, after.quantity(), after.value()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void count(CountStock command, LedgerDirectory directory) {
        requireRegistered(command.sku());
        directory.requireOpen(command.date());
        Money difference = stock.countDifference(command.countedQuantity());
        StockLevel after = stock.count(command.countedQuantity());
        apply(new StockCounted(sku, command.countId(), command.date(), stock.quantity(), command.countedQuantity(),
                command.countedQuantity() - stock.quantity(), stock.averageCost(), difference, after.quantity(),
                after.value()));
    }

    /** A receipt on a purchase order; called by the order inside its own command, so both commit together. */
    void receive(String orderId, String receiptId, LocalDate date, long quantity, Money unitCost) {
        StockLevel after = stock.receive(quantity, unitCost);
        apply(new StockReceived(sku, orderId, receiptId, date, quantity, unitCost, StockLevel.cost(quantity, unitCost),
                after.quantity(), after.value()));
    }

    private void requireRegistered(String requested) {
        if (sku == null) {
            throw new KontorException(ErrorCode.NOT_FOUND, "no item " + requested, Map.of("field", "sku"));
        }
    }

    @EventSourcingHandler
    void on(ItemRegistered event) {
        itemId = streamId(event.sku());
        sku = event.sku();
        stock = StockLevel.NONE;
    }

    @EventSourcingHandler
    void on(StockReceived event) {
        stock = new StockLevel(event.quantityOnHand(), event.valueOnHand(), event.unitCost());
    }

    @EventSourcingHandler
    void on(StockIssued event) {
        stock = new StockLevel(event.quantityOnHand(), event.valueOnHand(), stock.lastUnitCost());
    }

    @EventSourcingHandler
    void on(StockCounted event) {
        stock = new StockLevel(event.quantityOnHand(), event.valueOnHand(), stock.lastUnitCost());
    }
}
