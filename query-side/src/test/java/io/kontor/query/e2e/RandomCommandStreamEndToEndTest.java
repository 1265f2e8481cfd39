package io.kontor.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long random streams of inventory and ledger commands through HTTP, valid and invalid mixed. No command is ever a
 * 5xx. A refused command leaves the log head where it was. An accepted one never breaks a rule: stock never goes
 * below zero, and an order is never over-received or received before approval. After the stream, the view's
 * quantities equal the accepted commands and the trial balance balances. Postings are dated in 2040.
 */
class RandomCommandStreamEndToEndTest {

    private final KontorApps apps = KontorApps.get();

    sealed interface Step permits Register, Order, Receive, Issue, Count, Journal {
    }

    record Register(int item) implements Step {
    }

    record Order(int item, int quantity, String unitCost, boolean approve) implements Step {
    }

    record Receive(int order, int quantity) implements Step {
    }

    record Issue(int item, int quantity) implements Step {
    }

    record Count(int item, int counted) implements Step {
    }

    record Journal(String amount, boolean balanced) implements Step {
    }

    @Provide
    Arbitrary<List<Step>> streams() {
        Arbitrary<Integer> item = Arbitraries.integers().between(0, 2);
        Arbitrary<Integer> quantity = Arbitraries.integers().between(-1, 8);
        Arbitrary<String> amount = Arbitraries.of("12.50", "0.01", "0.00", "-1.00", "1.005", "1e400");
        Arbitrary<Step> step = Arbitraries.oneOf(
                item.map(Register::new),
                Combinators.combine(item, quantity, amount, Arbitraries.of(true, true, false))
                        .as(Order::new),
                Combinators.combine(Arbitraries.integers().between(0, 3), quantity).as(Receive::new),
                Combinators.combine(item, quantity).as(Issue::new),
                Combinators.combine(item, quantity).as(Count::new),
                Combinators.combine(amount, Arbitraries.of(true, true, false)).as(Journal::new));
        return step.list().ofMinSize(20).ofMaxSize(40);
    }

    /** One order as the accepted commands left it. */
    private static final class OrderState {
        final String sku;
        final int ordered;
        boolean approved;
        int received;

        OrderState(String sku, int ordered) {
            this.sku = sku;
            this.ordered = ordered;
        }
    }

    @Property(tries = 4, shrinking = ShrinkingMode.OFF)
    void acceptedCommandsKeepTheRulesAndRefusedOnesAppendNothing(@ForAll("streams") List<Step> steps) {
        String run = "RS" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Integer> onHand = new HashMap<>();
        Map<Integer, OrderState> orders = new HashMap<>();
        int orderCount = 0;
        for (Step step : steps) {
            if (step instanceof Register r) {
                String sku = sku(run, r.item());
                if (send("storekeeper", "/api/items", "{\"sku\":\"" + sku + "\",\"name\":\"Random\",\"unit\":\"pcs\"}")) {
                    assertThat(onHand).as("registered once").doesNotContainKey(sku);
                    onHand.put(sku, 0);
                }
            } else if (step instanceof Order o) {
                String id = run + "-po" + orderCount;
                String sku = sku(run, o.item());
                if (send("storekeeper", "/api/purchase-orders", "{\"id\":\"" + id + "\",\"supplier\":\"S\",\"lines\":"
                        + "[{\"sku\":\"" + sku + "\",\"quantity\":" + o.quantity() + ",\"unitCost\":\"" + o.unitCost()
                        + "\"}]}")) {
                    OrderState order = new OrderState(sku, o.quantity());
                    orders.put(orderCount++, order);
                    if (o.approve()) {
                        order.approved = send("accountant", "/api/purchase-orders/" + id + "/approval", "");
                        assertThat(order.approved).as("a new order can be approved by another role").isTrue();
                    }
                }
            } else if (step instanceof Receive r) {
                OrderState order = orders.get(r.order());
                String id = run + "-po" + (order == null ? 99 : r.order());
                String sku = order == null ? sku(run, 0) : order.sku;
                if (send("storekeeper", "/api/purchase-orders/" + id + "/receipts", "{\"date\":\"2040-05-10\","
                        + "\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + r.quantity() + "}]}")) {
                    assertThat(order).isNotNull();
                    assertThat(order.approved).as("received only after approval").isTrue();
                    order.received += r.quantity();
                    assertThat(order.received).as("never over-received").isLessThanOrEqualTo(order.ordered);
                    onHand.merge(sku, r.quantity(), Integer::sum);
                }
            } else if (step instanceof Issue i) {
                String sku = sku(run, i.item());
                if (send("storekeeper", "/api/stock-issues", "{\"sku\":\"" + sku + "\",\"quantity\":" + i.quantity()
                        + ",\"reason\":\"random\",\"date\":\"2040-05-11\"}")) {
                    int left = onHand.merge(sku, -i.quantity(), Integer::sum);
                    assertThat(left).as("never below zero").isNotNegative();
                }
            } else if (step instanceof Count c) {
                String sku = sku(run, c.item());
                if (send("storekeeper", "/api/stock-counts", "{\"sku\":\"" + sku + "\",\"countedQuantity\":"
                        + c.counted() + ",\"date\":\"2040-05-12\"}")) {
                    assertThat(c.counted()).isNotNegative();
                    onHand.put(sku, c.counted());
                }
            } else if (step instanceof Journal j) {
                String credit = j.balanced() ? j.amount() : "3.00";
                send("accountant", "/api/journal-entries", "{\"date\":\"2040-06-01\",\"description\":\"random\","
                        + "\"lines\":[{\"account\":\"1010\",\"debit\":\"" + j.amount() + "\"},"
                        + "{\"account\":\"3000\",\"credit\":\"" + credit + "\"}]}");
            }
        }

        long head = apps.head();
        for (Map.Entry<String, Integer> item : onHand.entrySet()) {
            Http.Answer answer = Http.as("storekeeper").get(apps.queryUrl + "/api/inventory/" + item.getKey()
                    + "?minPosition=" + head);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().get("quantity").asLong()).as(item.getKey()).isEqualTo(item.getValue().longValue());
        }
        Http.Answer trial = Http.as("accountant").get(apps.queryUrl + "/api/trial-balance?asOf=2040-12-31&minPosition="
                + head);
        assertThat(trial.status()).as(trial.body()).isEqualTo(200);
        JsonNode totals = trial.json().get("totals");
        assertThat(new BigDecimal(totals.get("debit").asText()))
                .isEqualByComparingTo(new BigDecimal(totals.get("credit").asText()));
    }

    /** Posts one command: never a 5xx; a refusal is a problem that appends nothing; answers whether it was accepted. */
    private boolean send(String user, String path, String body) {
        long before = apps.head();
        Http.Answer answer = Http.as(user).post(apps.commandUrl + path, body);
        assertThat(answer.status()).as(path + " " + body + " -> " + answer.body()).isLessThan(500);
        if (answer.status() >= 400) {
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(apps.head()).as("refused, so nothing appended: " + path + " " + body).isEqualTo(before);
            return false;
        }
        assertThat(answer.json().get("position").asLong()).as(path + " answered the head it appended")
                .isGreaterThan(before).isLessThanOrEqualTo(apps.head());
        return true;
    }

    private static String sku(String run, int item) {
        return run + "-" + item;
    }
}
