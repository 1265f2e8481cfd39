package io.kontor.query.inventory;

import io.kontor.events.inventory.GoodsReceived;
import io.kontor.events.inventory.ItemRegistered;
import io.kontor.events.inventory.OrderLine;
import io.kontor.events.inventory.PurchaseOrderApproved;
import io.kontor.events.inventory.PurchaseOrderRaised;
import io.kontor.events.inventory.ReceivedLine;
import io.kontor.events.inventory.StockCounted;
import io.kontor.events.inventory.StockIssued;
import io.kontor.events.inventory.StockReceived;
import io.kontor.events.inventory.SupplierPaid;
import io.kontor.shared.Money;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Events in, view documents out: stock per item, movements, purchase orders; redeliveries change nothing. */
class InventoryProjectionTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final BigDecimal VAT = BigDecimal.valueOf(25);

    private static final List<Object> ORDERED = List.of(
            new ItemRegistered("A", "Screw", "box", 5),
            new ItemRegistered("B", "Nut", "box", 0),
            new PurchaseOrderRaised("po-1", "Bolt & Co", "sara", List.of(
                    new OrderLine("A", 10, Money.dkk("2.00"), VAT), new OrderLine("B", 4, Money.dkk("1.00"), VAT))),
            new PurchaseOrderApproved("po-1", "anna"));
    private static final List<Object> FIRST_RECEIPT = List.of(
            new GoodsReceived("po-1", "r-1", DAY, "Bolt & Co", List.of(
                    new ReceivedLine("A", 6, Money.dkk("2.00"), Money.dkk("12.00"), VAT, Money.dkk("3.00"), 4)),
                    Money.dkk("12.00"), Money.dkk("3.00"), Money.dkk("15.00"), false),
            new StockReceived("A", "po-1", "r-1", DAY, 6, Money.dkk("2.00"), Money.dkk("12.00"), 6, Money.dkk("12.00")));
    private static final List<Object> REST = List.of(
            new GoodsReceived("po-1", "r-2", DAY, "Bolt & Co", List.of(
                    new ReceivedLine("A", 4, Money.dkk("2.00"), Money.dkk("8.00"), VAT, Money.dkk("2.00"), 0),
                    new ReceivedLine("B", 4, Money.dkk("1.00"), Money.dkk("4.00"), VAT, Money.dkk("1.00"), 0)),
                    Money.dkk("12.00"), Money.dkk("3.00"), Money.dkk("15.00"), true),
            new StockReceived("A", "po-1", "r-2", DAY, 4, Money.dkk("2.00"), Money.dkk("8.00"), 10, Money.dkk("20.00")),
            new StockReceived("B", "po-1", "r-2", DAY, 4, Money.dkk("1.00"), Money.dkk("4.00"), 4, Money.dkk("4.00")),
            new StockIssued("A", "i-1", DAY, "use", 3, Money.dkk("2.00"), Money.dkk("6.00"), 7, Money.dkk("14.00")),
            new StockCounted("A", "c-1", DAY, 7, 5, -2, Money.dkk("2.00"), Money.dkk("-4.00"), 5, Money.dkk("10.00")),
            new SupplierPaid("po-1", "p-1", DAY, "Bolt & Co", Money.dkk("20.00")));

    @Test
    void aPurchaseOrderShowsWhatRemainsToReceiveUntilItIsReceived() {
        InventoryHarness views = new InventoryHarness();
        views.batch(ORDERED);
        views.batch(FIRST_RECEIPT);

        InventoryController.PurchaseOrderView open = views.purchaseOrders("open").get(0);
        assertThat(open.status()).isEqualTo("OPEN");
        assertThat(open.lines()).extracting(InventoryController.OrderLineView::remaining).containsExactly(4L, 4L);
        assertThat(open.receivedGross()).isEqualTo("15.00");
        assertThat(open.unpaid()).isEqualTo("15.00");

        views.batch(REST);

        assertThat(views.purchaseOrders("OPEN")).isEmpty();
        InventoryController.PurchaseOrderView received = views.purchaseOrders("RECEIVED").get(0);
        assertThat(received.lines()).extracting(InventoryController.OrderLineView::received).containsExactly(10L, 4L);
        assertThat(received.paid()).isEqualTo("20.00");
        assertThat(received.unpaid()).isEqualTo("10.00");
        assertThat(received.receipts()).isEqualTo(2);
    }

    @Test
    void stockOnHandAndTheReorderListFollowTheMovements() {
        InventoryHarness views = new InventoryHarness();
        views.batch(ORDERED);
        assertThat(views.inventory().items()).allMatch(InventoryController.ItemView::atOrBelowReorderLevel);
        views.batch(FIRST_RECEIPT);
        views.batch(REST);

        InventoryController.Inventory inventory = views.inventory();
        assertThat(inventory.items()).extracting(InventoryController.ItemView::sku, InventoryController.ItemView::quantity,
                        InventoryController.ItemView::averageCost, InventoryController.ItemView::value,
                        InventoryController.ItemView::atOrBelowReorderLevel)
                .containsExactly(
                        tuple("A", 5L, "2.00", "10.00", true),
                        tuple("B", 4L, "1.00", "4.00", false));
        assertThat(inventory.totalValue()).isEqualTo("14.00");
        assertThat(views.movements("A")).extracting(InventoryHarness.Movement::quantityOnHand)
                .containsExactly(6L, 10L, 7L, 5L);
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        InventoryHarness views = new InventoryHarness();
        views.batch(ORDERED);
        long first = views.batch(FIRST_RECEIPT);
        views.batch(REST);
        List<List<Document>> before = documents(views);

        views.redeliver(first, FIRST_RECEIPT.size() + REST.size());

        assertThat(documents(views)).isEqualTo(before);
    }

    @Test
    void aRebuildInOneBatchEqualsTheViewsBuiltInMany() {
        InventoryHarness live = new InventoryHarness();
        live.batch(ORDERED);
        live.batch(FIRST_RECEIPT);
        live.batch(REST);
        InventoryHarness rebuilt = new InventoryHarness();
        List<Object> all = new ArrayList<>(ORDERED);
        all.addAll(FIRST_RECEIPT);
        all.addAll(REST);
        rebuilt.batch(all);

        assertThat(documents(rebuilt)).isEqualTo(documents(live));
    }

    private static List<List<Document>> documents(InventoryHarness views) {
        return List.of(views.documents(InventoryProjection.ITEMS), views.documents(InventoryProjection.MOVEMENTS),
                views.documents(PurchaseOrderFold.COLLECTION));
    }
}
