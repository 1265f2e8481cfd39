package io.kontor.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.kontor.eventlog.LogSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Purchasing and inventory through both apps: order, approve (maker-checker), receive in parts, issue, count and
 * pay; the stock views and the ledger agree; every kind of bad input is a problem that appends nothing.
 */
class InventoryEndToEndTest {

    private static final KontorApps apps = KontorApps.get();

    /** What the bad-input rows act on: an item with 3 on hand, an unapproved order and an approved one for 2. */
    @BeforeAll
    static void givens() {
        apps.created("storekeeper", "/api/items", "{\"sku\":\"BAD-1\",\"name\":\"Given\",\"unit\":\"pcs\"}");
        apps.created("accountant", "/api/purchase-orders",
                "{\"id\":\"bad-unapproved\",\"supplier\":\"S\",\"lines\":[{\"sku\":\"BAD-1\",\"quantity\":2,\"unitCost\":\"1.00\"}]}");
        apps.created("storekeeper", "/api/purchase-orders",
                "{\"id\":\"bad-approved\",\"supplier\":\"S\",\"lines\":[{\"sku\":\"BAD-1\",\"quantity\":5,\"unitCost\":\"1.00\"}]}");
        apps.acted("accountant", "/api/purchase-orders/bad-approved/approval", "");
        apps.created("storekeeper", "/api/purchase-orders/bad-approved/receipts",
                "{\"date\":\"2035-01-10\",\"lines\":[{\"sku\":\"BAD-1\",\"quantity\":3}]}");
    }

    private static JsonNode order(String id, long position) {
        return apps.read("storekeeper", "/api/purchase-orders/" + id, position);
    }

    @Test
    void orderApproveReceiveInTwoPartsIssueCountPayAndStockAndLedgerAgree() {
        apps.created("storekeeper", "/api/items",
                "{\"sku\":\"TOUR-1\",\"name\":\"Printer paper\",\"unit\":\"box\",\"reorderLevel\":5}");
        apps.created("accountant", "/api/purchase-orders", """
                {"id":"tour-po","supplier":"Papir A/S","lines":[{"sku":"TOUR-1","quantity":10,"unitCost":"12.50"}]}""");
        long approved = apps.acted("accountant2", "/api/purchase-orders/tour-po/approval", "");
        JsonNode open = order("tour-po", approved);
        assertThat(open.get("status").asText()).isEqualTo("OPEN");
        assertThat(open.get("requestedBy").asText()).isEqualTo("accountant");
        assertThat(open.get("approvedBy").asText()).isEqualTo("accountant2");

        long first = apps.created("storekeeper", "/api/purchase-orders/tour-po/receipts",
                "{\"date\":\"2035-02-01\",\"lines\":[{\"sku\":\"TOUR-1\",\"quantity\":4}]}");
        JsonNode partly = order("tour-po", first);
        assertThat(partly.get("lines").get(0).get("remaining").asLong()).isEqualTo(6);
        assertThat(apps.read("accountant", "/api/purchase-orders?status=open", first).findValuesAsText("id"))
                .contains("tour-po");

        long second = apps.created("storekeeper", "/api/purchase-orders/tour-po/receipts",
                "{\"date\":\"2035-02-03\",\"lines\":[{\"sku\":\"TOUR-1\",\"quantity\":6}]}");
        JsonNode received = order("tour-po", second);
        assertThat(received.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(received.get("receivedGross").asText()).isEqualTo("156.25");
        assertThat(apps.read("accountant", "/api/purchase-orders?status=OPEN", second).findValuesAsText("id"))
                .doesNotContain("tour-po");

        apps.created("storekeeper", "/api/stock-issues",
                "{\"sku\":\"TOUR-1\",\"quantity\":3,\"reason\":\"office\",\"date\":\"2035-02-04\"}");
        apps.created("storekeeper", "/api/stock-counts",
                "{\"sku\":\"TOUR-1\",\"countedQuantity\":5,\"date\":\"2035-02-05\"}");
        long paid = apps.created("accountant", "/api/purchase-orders/tour-po/payments",
                "{\"amount\":\"156.25\",\"date\":\"2035-02-10\"}");

        JsonNode item = apps.read("storekeeper", "/api/inventory/TOUR-1", paid);
        assertThat(item.get("quantity").asLong()).isEqualTo(5);
        assertThat(item.get("averageCost").asText()).isEqualTo("12.50");
        assertThat(item.get("value").asText()).isEqualTo("62.50");
        assertThat(apps.read("storekeeper", "/api/inventory?reorder=true", paid).get("items").findValuesAsText("sku"))
                .contains("TOUR-1");
        JsonNode movements = apps.read("storekeeper", "/api/inventory/TOUR-1/movements", paid).get("movements");
        List<String> running = new ArrayList<>();
        movements.forEach(m -> running.add(m.get("kind").asText() + " " + m.get("quantity").asLong() + " "
                + m.get("value").asText() + " → " + m.get("quantityOnHand").asLong() + " " + m.get("valueOnHand").asText()));
        assertThat(running).containsExactly(
                "RECEIPT 4 50.00 → 4 50.00",
                "RECEIPT 6 75.00 → 10 125.00",
                "ISSUE -3 -37.50 → 7 87.50",
                "COUNT -2 -25.00 → 5 62.50");
        assertThat(order("tour-po", paid).get("unpaid").asText()).isEqualTo("0.00");
        JsonNode cogs = apps.read("accountant", "/api/accounts/5000/ledger?from=2035-02-04&to=2035-02-04", paid);
        assertThat(cogs.get("lines").get(0).get("amount").asText()).isEqualTo("37.50");
        assertStockAndLedgerAgree(paid);
    }

    @Test
    void aReceiptOfAwkwardCostsThenIssuesOfEverythingLeaveNoOereBehind() {
        apps.created("storekeeper", "/api/items", "{\"sku\":\"ODD-1\",\"name\":\"Washer\",\"unit\":\"pcs\"}");
        apps.created("storekeeper", "/api/purchase-orders", """
                {"id":"odd-po","supplier":"Skiver ApS","lines":[{"sku":"ODD-1","quantity":7,"unitCost":"0.33","vatRate":"12.5"}]}""");
        apps.acted("accountant", "/api/purchase-orders/odd-po/approval", "");
        apps.created("storekeeper", "/api/purchase-orders/odd-po/receipts",
                "{\"date\":\"2035-03-01\",\"lines\":[{\"sku\":\"ODD-1\",\"quantity\":3}]}");
        apps.created("storekeeper", "/api/purchase-orders/odd-po/receipts",
                "{\"date\":\"2035-03-01\",\"lines\":[{\"sku\":\"ODD-1\",\"quantity\":4}]}");
        apps.created("storekeeper", "/api/stock-issues",
                "{\"sku\":\"ODD-1\",\"quantity\":3,\"reason\":\"a\",\"date\":\"2035-03-02\"}");
        apps.created("storekeeper", "/api/stock-counts",
                "{\"sku\":\"ODD-1\",\"countedQuantity\":3,\"date\":\"2035-03-03\"}");
        long last = apps.created("storekeeper", "/api/stock-issues",
                "{\"sku\":\"ODD-1\",\"quantity\":3,\"reason\":\"b\",\"date\":\"2035-03-04\"}");

        JsonNode item = apps.read("accountant", "/api/inventory/ODD-1", last);
        // The item was snapshotted on the way (threshold 3), so the last issues ran on state read back from it.
        assertThat(apps.command.getBean(MongoDatabase.class).getCollection(LogSchema.SNAPSHOTS)
                .find(Filters.eq("_id", "item:ODD-1")).first()).isNotNull();
        assertThat(item.get("quantity").asLong()).isZero();
        assertThat(item.get("value").asText()).isEqualTo("0.00");
        assertStockAndLedgerAgree(last);
    }

    @Test
    void twoReceiptsForTheSameRemainingGoodsAtOnceReceiveThemOnce() {
        apps.created("storekeeper", "/api/items", "{\"sku\":\"RACE-1\",\"name\":\"Toner\",\"unit\":\"pcs\"}");
        apps.created("storekeeper", "/api/purchase-orders", """
                {"id":"race-po","supplier":"Toner ApS","lines":[{"sku":"RACE-1","quantity":6,"unitCost":"80.00"}]}""");
        apps.acted("accountant", "/api/purchase-orders/race-po/approval", "");
        String receipt = "{\"date\":\"2035-04-01\",\"lines\":[{\"sku\":\"RACE-1\",\"quantity\":6}]}";

        List<CompletableFuture<Http.Answer>> both = Stream.of(1, 2)
                .map(i -> CompletableFuture.supplyAsync(() -> Http.as("storekeeper")
                        .post(apps.commandUrl + "/api/purchase-orders/race-po/receipts", receipt)))
                .toList();
        List<Integer> statuses = both.stream().map(CompletableFuture::join).map(Http.Answer::status).sorted().toList();

        // The loser either waited for the winner and found nothing left (422) or lost the append (409).
        assertThat(statuses.get(0)).isEqualTo(201);
        assertThat(statuses.get(1)).isIn(409, 422);
        JsonNode item = apps.read("storekeeper", "/api/inventory/RACE-1", apps.head());
        assertThat(item.get("quantity").asLong()).isEqualTo(6);
        assertThat(order("race-po", apps.head()).get("lines").get(0).get("received").asLong()).isEqualTo(6);
        assertStockAndLedgerAgree(apps.head());
    }

    private static void assertStockAndLedgerAgree(long position) {
        long head = Math.max(position, apps.head());
        String inventory = apps.read("accountant", "/api/inventory", head).get("totalValue").asText();
        String account1200 = apps.read("accountant", "/api/accounts/1200/balance", head).get("balance").asText();
        assertThat(new BigDecimal(inventory)).isEqualByComparingTo(account1200);
    }

    static Stream<Arguments> badRequests() {
        String line = "{\"sku\":\"BAD-1\",\"quantity\":%s,\"unitCost\":\"%s\"%s}";
        return Stream.of(
                arguments("approval by the requester", "accountant", "/api/purchase-orders/bad-unapproved/approval", "",
                        422, "BUSINESS_RULE_VIOLATED", null, "APPROVER_IS_REQUESTER"),
                arguments("approval twice", "accountant2", "/api/purchase-orders/bad-approved/approval", "",
                        409, "CONFLICT", null, "ALREADY_APPROVED"),
                arguments("approval of an unknown order", "accountant2", "/api/purchase-orders/nope/approval", "",
                        404, "NOT_FOUND", "id", null),
                arguments("approval by a storekeeper", "storekeeper", "/api/purchase-orders/bad-unapproved/approval",
                        "", 403, "FORBIDDEN", null, null),
                arguments("receipt over the ordered quantity", "storekeeper",
                        "/api/purchase-orders/bad-approved/receipts", "{\"lines\":[{\"sku\":\"BAD-1\",\"quantity\":3}]}",
                        422, "BUSINESS_RULE_VIOLATED", "lines[0].quantity", "OVER_RECEIPT"),
                arguments("receipt on an unapproved order", "storekeeper",
                        "/api/purchase-orders/bad-unapproved/receipts", "{\"lines\":[{\"sku\":\"BAD-1\",\"quantity\":1}]}",
                        422, "BUSINESS_RULE_VIOLATED", null, "ORDER_NOT_APPROVED"),
                arguments("receipt of a sku not on the order", "storekeeper",
                        "/api/purchase-orders/bad-approved/receipts", "{\"lines\":[{\"sku\":\"OTHER\",\"quantity\":1}]}",
                        422, "BUSINESS_RULE_VIOLATED", "lines[0].sku", "SKU_NOT_ON_ORDER"),
                arguments("receipt of zero", "storekeeper", "/api/purchase-orders/bad-approved/receipts",
                        "{\"lines\":[{\"sku\":\"BAD-1\",\"quantity\":0}]}", 400, "VALIDATION_FAILED",
                        "lines[0].quantity", null),
                arguments("receipt on an unknown order", "storekeeper", "/api/purchase-orders/nope/receipts",
                        "{\"lines\":[{\"sku\":\"BAD-1\",\"quantity\":1}]}", 404, "NOT_FOUND", "id", null),
                arguments("issue beyond stock", "storekeeper", "/api/stock-issues",
                        "{\"sku\":\"BAD-1\",\"quantity\":4,\"reason\":\"x\"}", 422, "BUSINESS_RULE_VIOLATED", "quantity",
                        "INSUFFICIENT_STOCK"),
                arguments("issue of an unknown sku", "storekeeper", "/api/stock-issues",
                        "{\"sku\":\"NOPE\",\"quantity\":1,\"reason\":\"x\"}", 404, "NOT_FOUND", "sku", null),
                arguments("issue of zero", "storekeeper", "/api/stock-issues",
                        "{\"sku\":\"BAD-1\",\"quantity\":0,\"reason\":\"x\"}", 400, "VALIDATION_FAILED", "quantity", null),
                arguments("issue of a negative quantity", "storekeeper", "/api/stock-issues",
                        "{\"sku\":\"BAD-1\",\"quantity\":-1,\"reason\":\"x\"}", 400, "VALIDATION_FAILED", "quantity", null),
                arguments("issue of half a unit", "storekeeper", "/api/stock-issues",
                        "{\"sku\":\"BAD-1\",\"quantity\":0.5,\"reason\":\"x\"}", 400, "VALIDATION_FAILED", "quantity", null),
                arguments("issue without a reason", "storekeeper", "/api/stock-issues",
                        "{\"sku\":\"BAD-1\",\"quantity\":1}", 400, "VALIDATION_FAILED", "reason", null),
                arguments("issue by the front desk", "frontdesk", "/api/stock-issues",
                        "{\"sku\":\"BAD-1\",\"quantity\":1,\"reason\":\"x\"}", 403, "FORBIDDEN", null, null),
                arguments("count of an unknown sku", "storekeeper", "/api/stock-counts",
                        "{\"sku\":\"NOPE\",\"countedQuantity\":1}", 404, "NOT_FOUND", "sku", null),
                arguments("count below zero", "storekeeper", "/api/stock-counts",
                        "{\"sku\":\"BAD-1\",\"countedQuantity\":-1}", 400, "VALIDATION_FAILED", "countedQuantity", null),
                arguments("order of an unknown sku", "storekeeper", "/api/purchase-orders",
                        "{\"supplier\":\"S\",\"lines\":[{\"sku\":\"NOPE\",\"quantity\":1,\"unitCost\":\"1.00\"}]}",
                        404, "NOT_FOUND", "lines[0].sku", null),
                arguments("order of zero", "storekeeper", "/api/purchase-orders",
                        "{\"supplier\":\"S\",\"lines\":[" + line.formatted("0", "1.00", "") + "]}",
                        400, "VALIDATION_FAILED", "lines[0].quantity", null),
                arguments("order of a negative quantity", "storekeeper", "/api/purchase-orders",
                        "{\"supplier\":\"S\",\"lines\":[" + line.formatted("-2", "1.00", "") + "]}",
                        400, "VALIDATION_FAILED", "lines[0].quantity", null),
                arguments("order at a negative cost", "storekeeper", "/api/purchase-orders",
                        "{\"supplier\":\"S\",\"lines\":[" + line.formatted("1", "-1.00", "") + "]}",
                        400, "VALIDATION_FAILED", "lines[0].unitCost", null),
                arguments("order at a cost finer than øre", "storekeeper", "/api/purchase-orders",
                        "{\"supplier\":\"S\",\"lines\":[" + line.formatted("1", "1.005", "") + "]}",
                        400, "VALIDATION_FAILED", "lines[0].unitCost", null),
                arguments("order at a VAT rate over 100", "storekeeper", "/api/purchase-orders",
                        "{\"supplier\":\"S\",\"lines\":[" + line.formatted("1", "1.00", ",\"vatRate\":120") + "]}",
                        400, "VALIDATION_FAILED", "lines[0].vatRate", null),
                arguments("order with a sku twice", "storekeeper", "/api/purchase-orders",
                        "{\"supplier\":\"S\",\"lines\":[" + line.formatted("1", "1.00", "") + ","
                                + line.formatted("1", "1.00", "") + "]}",
                        400, "VALIDATION_FAILED", "lines[1].sku", null),
                arguments("order without lines", "storekeeper", "/api/purchase-orders", "{\"supplier\":\"S\"}",
                        400, "VALIDATION_FAILED", "lines", null),
                arguments("order without a supplier", "storekeeper", "/api/purchase-orders",
                        "{\"lines\":[" + line.formatted("1", "1.00", "") + "]}", 400, "VALIDATION_FAILED", "supplier",
                        null),
                arguments("item with a taken sku", "storekeeper", "/api/items",
                        "{\"sku\":\"BAD-1\",\"name\":\"Again\",\"unit\":\"pcs\"}", 409, "DUPLICATE", "sku", null),
                arguments("item without a name", "storekeeper", "/api/items", "{\"sku\":\"BAD-2\",\"unit\":\"pcs\"}",
                        400, "VALIDATION_FAILED", "name", null),
                arguments("item with a negative reorder level", "storekeeper", "/api/items",
                        "{\"sku\":\"BAD-2\",\"name\":\"N\",\"unit\":\"pcs\",\"reorderLevel\":-1}", 400,
                        "VALIDATION_FAILED", "reorderLevel", null),
                arguments("item with a sku that is a path", "storekeeper", "/api/items",
                        "{\"sku\":\"a/b\",\"name\":\"N\",\"unit\":\"pcs\"}", 400, "VALIDATION_FAILED", "sku", null),
                arguments("payment beyond what was received", "accountant", "/api/purchase-orders/bad-approved/payments",
                        "{\"amount\":\"3.76\",\"date\":\"2035-01-11\"}", 422, "BUSINESS_RULE_VIOLATED", "amount",
                        "OVERPAYMENT"),
                arguments("payment of a negative amount", "accountant", "/api/purchase-orders/bad-approved/payments",
                        "{\"amount\":\"-1.00\",\"date\":\"2035-01-11\"}", 400, "VALIDATION_FAILED", "amount", null),
                arguments("payment without a date", "accountant", "/api/purchase-orders/bad-approved/payments",
                        "{\"amount\":\"1.00\"}", 400, "VALIDATION_FAILED", "date", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefusedAsAProblemAndAppendsNothing(String label, String user, String path, String body, int status,
                                              String code, String field, String rule) {
        apps.assertRefused(label, user, path, body, status, code, field, rule);
    }

    @Test
    void theFrontDeskCannotReadTheInventory() {
        assertThat(Http.as("frontdesk").get(apps.queryUrl + "/api/inventory").status()).isEqualTo(403);
        assertThat(Http.as("auditor").get(apps.queryUrl + "/api/purchase-orders").status()).isEqualTo(403);
    }
}
