package io.kontor.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent business load against command-side processes, every command sent with its own correlation id. It keeps
 * what each 2xx answer said (the position) and which commands have an unknown outcome (the process died while
 * they were in flight), and checks the log against them: positions dense from 1 to the head, every answered command
 * in the log as exactly its own events ending at the answered position, no refused command in the log, and every
 * command in the log complete (the same event types as every other command of its kind).
 */
final class ProcessLoad {

    /** A command the log must hold: what kind it was, its correlation id and the position it was answered with. */
    record Answered(String kind, String correlation, long position) {
    }

    /** The events each kind of command appends, in order. */
    static final Map<String, List<String>> EVENTS = Map.of(
            "item", List.of("ItemRegistered"),
            "order", List.of("PurchaseOrderRaised"),
            "approval", List.of("PurchaseOrderApproved"),
            "receipt", List.of("GoodsReceived", "StockReceived"),
            "issue", List.of("StockIssued"),
            "journal", List.of("JournalEntryPosted"),
            "invoice", List.of("InvoiceIssued"),
            "payment", List.of("PaymentReceived"),
            "account", List.of("AccountOpened"));

    final String run = "ld" + UUID.randomUUID().toString().substring(0, 6);
    final Queue<Answered> answered = new ConcurrentLinkedQueue<>();
    /** Kind by correlation id of commands whose answer never came: the process died while they were in flight. */
    final Map<String, String> unknown = new ConcurrentHashMap<>();
    final Set<String> refused = ConcurrentHashMap.newKeySet();
    final AtomicInteger conflicts = new AtomicInteger();
    private final Set<String> opened = ConcurrentHashMap.newKeySet();
    private final AtomicInteger invoicesIssued = new AtomicInteger();
    private final AtomicInteger paymentsReceived = new AtomicInteger();

    /**
     * One worker: its own item and purchase order, then rounds of journal entries, invoices with a part payment,
     * receipts with an issue, and now and then a new account. Stops early once {@code target} answers nothing.
     */
    void work(Supplier<AppProcess> target, int worker, int rounds) {
        String sku = run + "-" + worker;
        String order = run + "-po" + worker;
        if (!send(target, "item", "storekeeper", "/api/items",
                "{\"sku\":\"" + sku + "\",\"name\":\"Load\",\"unit\":\"pcs\"}")
                || !send(target, "order", "storekeeper", "/api/purchase-orders", "{\"id\":\"" + order
                + "\",\"supplier\":\"S\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1000,\"unitCost\":\"10.00\"}]}")
                || !send(target, "approval", "accountant", "/api/purchase-orders/" + order + "/approval", "")) {
            return;
        }
        for (int round = 0; round < rounds; round++) {
            String invoice = run + "-inv" + worker + "-" + round;
            boolean alive = switch (round % 4) {
                case 0 -> send(target, "journal", "accountant", "/api/journal-entries", "{\"date\":\"2046-03-0"
                        + (1 + worker % 9) + "\",\"description\":\"load\",\"lines\":[{\"account\":\""
                        + (worker % 2 == 0 ? "1010" : "1000") + "\",\"debit\":\"" + (round + 1) + ".25\"},"
                        + "{\"account\":\"3000\",\"credit\":\"" + (round + 1) + ".25\"}]}");
                case 1 -> send(target, "invoice", "frontdesk", "/api/invoices", "{\"id\":\"" + invoice
                        + "\",\"customer\":\"" + run + "\",\"date\":\"2046-03-02\",\"dueDate\":\"2046-04-02\","
                        + "\"lines\":[{\"description\":\"x\",\"quantity\":1,\"unitPrice\":\"100.00\"}]}")
                        && countIf(invoicesIssued)
                        && send(target, "payment", "frontdesk", "/api/invoices/" + invoice + "/payments",
                        "{\"amount\":\"50.00\",\"method\":\"CARD\",\"date\":\"2046-03-03\"}")
                        && countIf(paymentsReceived);
                case 2 -> send(target, "receipt", "storekeeper", "/api/purchase-orders/" + order + "/receipts",
                        "{\"date\":\"2046-03-04\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":3}]}")
                        && send(target, "issue", "storekeeper", "/api/stock-issues", "{\"sku\":\"" + sku
                        + "\",\"quantity\":1,\"reason\":\"load\",\"date\":\"2046-03-05\"}");
                default -> round >= 8 || send(target, "account", "accountant", "/api/accounts",
                        "{\"code\":\"" + accountCode(worker, round) + "\",\"name\":\"Load\",\"type\":\"EXPENSE\"}")
                        && opened.add(accountCode(worker, round));
            };
            if (!alive) {
                return;
            }
        }
    }

    private static String accountCode(int worker, int round) {
        return "8" + worker + round / 4 + "0";
    }

    List<String> openedAccounts() {
        return List.copyOf(opened);
    }

    private static boolean countIf(AtomicInteger counter) {
        counter.incrementAndGet();
        return true;
    }

    /** Runs {@code workers} workers at once, each against the process {@code targets} names for it, and waits. */
    void runConcurrently(int workers, int rounds, IntFunction<Supplier<AppProcess>> targets) {
        runConcurrently(workers, rounds, targets, 0);
    }

    /** The same, with workers numbered from {@code firstWorker} (each number has its own item, order and accounts). */
    void runConcurrently(int workers, int rounds, IntFunction<Supplier<AppProcess>> targets, int firstWorker) {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = firstWorker + w;
                running.add(pool.submit(() -> work(targets.apply(worker), worker, rounds)));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Sends one command. A 2xx is recorded with its position. Only a 409 (two workers raced for the same key) may
     * refuse a command of this load: it must then leave nothing in the log. If the process does not answer, the
     * outcome is unknown and the worker stops (answers false).
     */
    boolean send(Supplier<AppProcess> target, String kind, String user, String path, String body) {
        String correlation = run + "-" + UUID.randomUUID();
        Http.Answer answer;
        try {
            answer = Http.as(user).header("X-Correlation-Id", correlation).post(target.get().url + path, body);
        } catch (UncheckedIOException | IllegalStateException noAnswer) {
            unknown.put(correlation, kind);
            return false;
        }
        if (answer.status() == 409) {
            conflicts.incrementAndGet();
            refused.add(correlation);
            return false;
        }
        assertThat(answer.status()).as(kind + " " + path + " " + body + " -> " + answer.body()).isBetween(200, 299);
        answered.add(new Answered(kind, correlation, answer.json().get("position").asLong()));
        return true;
    }

    /** Pages through the whole log through a query side's audit API and checks it against the answers. */
    void checkLog(String queryUrl, long head) {
        List<JsonNode> events = new ArrayList<>();
        long after = 0;
        while (after < head) {
            Http.Answer page = Http.as("auditor").get(queryUrl + "/api/audit/events?limit=1000&after=" + after);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("events").forEach(events::add);
            after = page.json().get("next").asLong();
        }
        List<Long> positions = events.stream().map(e -> e.get("position").asLong()).toList();
        assertThat(positions).as("dense positions 1..head").hasSize((int) head);
        for (int i = 0; i < positions.size(); i++) {
            assertThat(positions.get(i)).isEqualTo(i + 1L);
        }

        Map<String, List<JsonNode>> byCorrelation = new LinkedHashMap<>();
        for (JsonNode event : events) {
            String correlation = event.path("correlationId").asText("");
            if (correlation.startsWith(run + "-")) {
                byCorrelation.computeIfAbsent(correlation, c -> new ArrayList<>()).add(event);
            }
        }
        Set<String> answeredIds = new HashSet<>();
        for (Answered command : answered) {
            answeredIds.add(command.correlation());
            List<JsonNode> own = byCorrelation.get(command.correlation());
            assertThat(own).as("answered %s is in the log", command).isNotNull();
            assertComplete(command.kind(), own);
            assertThat(own.get(own.size() - 1).get("position").asLong()).as("%s ends at its answered position", command)
                    .isEqualTo(command.position());
        }
        for (Map.Entry<String, List<JsonNode>> logged : byCorrelation.entrySet()) {
            String correlation = logged.getKey();
            assertThat(refused).as("a refused command appended nothing").doesNotContain(correlation);
            if (!answeredIds.contains(correlation)) {
                assertThat(unknown).as("only answered or unanswered commands are in the log").containsKey(correlation);
                assertComplete(unknown.get(correlation), logged.getValue());
            }
        }
    }

    private static void assertComplete(String kind, List<JsonNode> events) {
        List<String> types = events.stream().map(e -> e.get("type").asText()).toList();
        assertThat(types).as(kind + ": exactly its own events").isEqualTo(EVENTS.get(kind));
        long first = events.get(0).get("position").asLong();
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("position").asLong()).as(kind + ": one commit, no gap").isEqualTo(first + i);
        }
    }

    /** One line for the test output: what the load did. */
    String summary() {
        return "load " + run + ": answered " + answeredByKind() + ", 409 " + conflicts.get() + ", unanswered "
                + unknown.size();
    }

    /** What the open receivables of this load's customer must be from the answered invoices and payments. */
    BigDecimal expectedOpenReceivables() {
        return new BigDecimal("125.00").multiply(BigDecimal.valueOf(invoicesIssued.get()))
                .subtract(new BigDecimal("50.00").multiply(BigDecimal.valueOf(paymentsReceived.get())));
    }

    Map<String, Long> answeredByKind() {
        Map<String, Long> counts = new TreeMap<>();
        answered.forEach(a -> counts.merge(a.kind(), 1L, Long::sum));
        return counts;
    }

    /** Checks the ledger identities on one query side: the trial balance balances, 1100 = open receivables, 1200 = stock. */
    static void assertIdentities(String queryUrl) {
        JsonNode trial = read(queryUrl, "accountant", "/api/trial-balance?asOf=2046-12-31");
        assertThat(new BigDecimal(trial.get("totals").get("debit").asText()))
                .isEqualByComparingTo(new BigDecimal(trial.get("totals").get("credit").asText()));
        BigDecimal receivables = BigDecimal.ZERO;
        for (JsonNode total : read(queryUrl, "accountant", "/api/receivables?status=open").get("totals")) {
            receivables = receivables.add(new BigDecimal(total.get("open").asText()));
        }
        assertThat(receivables).as("open receivables = account 1100")
                .isEqualByComparingTo(balance(queryUrl, "1100"));
        assertThat(new BigDecimal(read(queryUrl, "accountant", "/api/inventory").get("totalValue").asText()))
                .as("inventory value = account 1200").isEqualByComparingTo(balance(queryUrl, "1200"));
    }

    static BigDecimal balance(String queryUrl, String account) {
        return new BigDecimal(read(queryUrl, "accountant", "/api/accounts/" + account + "/balance").get("balance").asText());
    }

    static JsonNode read(String queryUrl, String user, String path) {
        Http.Answer answer = Http.as(user).get(queryUrl + path);
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
        return answer.json();
    }
}
