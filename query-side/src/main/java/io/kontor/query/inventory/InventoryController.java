package io.kontor.query.inventory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.kontor.query.web.CsvReport;
import io.kontor.query.web.CsvTable;
import io.kontor.query.web.ReadsView;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import io.swagger.v3.oas.annotations.Operation;
import io.kontor.query.common.Views;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

@RestController
@ReadsView(InventoryProjection.GROUP)
class InventoryController {

    static final int MAX_MOVEMENTS = 1_000;

    private final Views views;

    InventoryController(Views views) {
        this.views = views;
    }

    record ItemView(String sku, String name, String unit, long reorderLevel, long quantity, String averageCost,
                    String value, boolean atOrBelowReorderLevel) {
        static ItemView of(Document d) {
            long quantity = d.getLong("quantity");
            long reorderLevel = d.getLong("reorderLevel");
            return new ItemView(d.getString("sku"), d.getString("name"), d.getString("unit"), reorderLevel, quantity,
                    d.getString("averageCost"), d.getString("value"), quantity <= reorderLevel);
        }
    }

    record Inventory(List<ItemView> items, String totalValue, String currency) implements CsvReport {
        @Override
        public CsvTable csv() {
            CsvTable.Builder table = CsvTable.of("sku", "name", "unit", "reorderLevel", "quantity", "averageCost",
                    "value", "atOrBelowReorderLevel");
            items.forEach(i -> table.row(i.sku(), i.name(), i.unit(), i.reorderLevel(), i.quantity(),
                    i.averageCost(), i.value(), i.atOrBelowReorderLevel()));
            return table.build();
        }
    }

    record Movement(long sequence, String date, String kind, String reference, long quantity, String unitCost,
                    String value, long quantityOnHand, String valueOnHand, long position) {
        static Movement of(Document d) {
            return new Movement(d.getLong("sequence"), d.getString("date"), d.getString("kind"),
                    d.getString("reference"), d.getLong("quantity"), d.getString("unitCost"), d.getString("value"),
                    d.getLong("quantityOnHand"), d.getString("valueOnHand"), d.getLong("position"));
        }
    }

    record Movements(String sku, String unit, long lastSequence, List<Movement> movements) {
    }

    record OrderLineView(String sku, long ordered, long received, long remaining, String unitCost, String vatRate) {
        static OrderLineView of(Document d) {
            return new OrderLineView(d.getString("sku"), d.getLong("ordered"), d.getLong("received"),
                    d.getLong("remaining"), d.getString("unitCost"), d.getString("vatRate"));
        }
    }

    record PurchaseOrderView(String id, String supplier, String status, String requestedBy, String approvedBy,
                             List<OrderLineView> lines, String orderedCost, String receivedCost, String receivedVat,
                             String receivedGross, String paid, String unpaid, int receipts) {
        static PurchaseOrderView of(Document d) {
            return new PurchaseOrderView(d.getString("orderId"), d.getString("supplier"), d.getString("status"),
                    d.getString("requestedBy"), d.getString("approvedBy"),
                    d.getList("lines", Document.class).stream().map(OrderLineView::of).toList(),
                    d.getString("orderedCost"), d.getString("receivedCost"), d.getString("receivedVat"),
                    d.getString("receivedGross"), d.getString("paid"), d.getString("unpaid"),
                    d.getInteger("receipts"));
        }
    }

    @GetMapping("/api/inventory")
    @Operation(summary = "Stock on hand per item (quantity, average cost, value) and the total value; "
            + "reorder=true lists only items at or below their reorder level (roles STOREKEEPER, ACCOUNTANT)")
    Inventory inventory(@RequestParam(defaultValue = "false") boolean reorder) {
        List<ItemView> result = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Document d : items().find().sort(Sorts.ascending("_id"))) {
            ItemView item = ItemView.of(d);
            total = total.add(new BigDecimal(item.value()));
            if (!reorder || item.atOrBelowReorderLevel()) {
                result.add(item);
            }
        }
        return new Inventory(result, total.toPlainString(), "DKK");
    }

    @GetMapping("/api/inventory/{sku}")
    @Operation(summary = "One item's stock on hand (roles STOREKEEPER, ACCOUNTANT)")
    ItemView item(@PathVariable String sku) {
        return ItemView.of(itemDocument(sku));
    }

    @GetMapping("/api/inventory/{sku}/movements")
    @Operation(summary = "An item's movements in order, each with the running quantity and value after it; "
            + "after=N starts after the Nth, at most limit (default and most 1000) (roles STOREKEEPER, ACCOUNTANT)")
    Movements movements(@PathVariable String sku, @RequestParam(defaultValue = "0") long after,
                        @RequestParam(defaultValue = "" + MAX_MOVEMENTS) int limit) {
        if (after < 0) {
            throw KontorException.invalidField("after", "after must not be negative");
        }
        if (limit < 1 || limit > MAX_MOVEMENTS) {
            throw KontorException.invalidField("limit", "limit is from 1 to " + MAX_MOVEMENTS);
        }
        Document item = itemDocument(sku);
        long last = item.getLong("lastMovement");
        List<String> keys = new ArrayList<>();
        for (long sequence = after + 1; sequence <= last && keys.size() < limit; sequence++) {
            keys.add(InventoryProjection.movementId(sku, sequence));
        }
        List<Movement> result = new ArrayList<>();
        if (!keys.isEmpty()) {
            movements().find(Filters.in("_id", keys)).forEach(d -> result.add(Movement.of(d)));
        }
        result.sort(Comparator.comparingLong(Movement::sequence));
        return new Movements(sku, item.getString("unit"), last, result);
    }

    @GetMapping("/api/purchase-orders")
    @Operation(summary = "Purchase orders with what remains to receive; status AWAITING_APPROVAL, OPEN (approved, "
            + "goods to come) or RECEIVED (roles STOREKEEPER, ACCOUNTANT)")
    List<PurchaseOrderView> purchaseOrders(@RequestParam(required = false) String status) {
        List<PurchaseOrderView> result = new ArrayList<>();
        var found = status == null ? orders().find() : orders().find(Filters.eq("status", status(status)));
        found.sort(Sorts.ascending("_id")).forEach(d -> result.add(PurchaseOrderView.of(d)));
        return result;
    }

    @GetMapping("/api/purchase-orders/{id}")
    @Operation(summary = "One purchase order (roles STOREKEEPER, ACCOUNTANT)")
    PurchaseOrderView purchaseOrder(@PathVariable String id) {
        Document order = orders().find(Filters.eq("_id", id)).first();
        if (order == null) {
            throw new KontorException(ErrorCode.NOT_FOUND, "no purchase order " + id);
        }
        return PurchaseOrderView.of(order);
    }

    private static String status(String given) {
        try {
            return PurchaseOrderFold.Status.valueOf(given.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw KontorException.invalidField("status", "status is one of AWAITING_APPROVAL, OPEN, RECEIVED");
        }
    }

    private Document itemDocument(String sku) {
        Document item = items().find(Filters.eq("_id", sku)).first();
        if (item == null) {
            throw new KontorException(ErrorCode.NOT_FOUND, "no item " + sku);
        }
        return item;
    }

    private MongoCollection<Document> items() {
        return views.collection(InventoryProjection.ITEMS);
    }

    private MongoCollection<Document> movements() {
        return views.collection(InventoryProjection.MOVEMENTS);
    }

    private MongoCollection<Document> orders() {
        return views.collection(PurchaseOrderFold.COLLECTION);
    }
}
