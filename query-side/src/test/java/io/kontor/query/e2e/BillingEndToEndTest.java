package io.kontor.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Invoicing and payments through both apps: issue, pay in part, credit, read receivables and aging, and see the
 * ledger agree; racing payments pay once; every kind of bad input is a problem that appends nothing. Postings are
 * dated in 2037 and 2038 only, each test in its own months.
 */
class BillingEndToEndTest {

    private static final KontorApps apps = KontorApps.get();
    private static final String LINES = """
            [{"description":"Consulting, hours","quantity":1.5,"unitPrice":"850.00"},
             {"description":"Book","quantity":2,"unitPrice":"99.00","vatRate":0}]""";

    /** What the bad-input rows act on: an open invoice for 125.00 and a fully credited one; November 2038 closed. */
    @BeforeAll
    static void givens() {
        created("/api/invoices", """
                {"id":"bad-open","customer":"Given","date":"2038-01-10","dueDate":"2038-02-10",
                 "lines":[{"description":"x","quantity":1,"unitPrice":"100.00"}]}""");
        created("/api/invoices", """
                {"id":"bad-credited","customer":"Given","date":"2038-01-10","dueDate":"2038-02-10",
                 "lines":[{"description":"x","quantity":1,"unitPrice":"100.00"}]}""");
        acted("accountant", "/api/invoices/bad-credited/credit-note", "{\"reason\":\"cancelled\",\"date\":\"2038-01-11\"}");
        Http.Answer closed = Http.as("accountant").post(apps.commandUrl + "/api/periods/2038-11/close", "");
        assertThat(closed.status()).as(closed.body()).isIn(200, 201, 409);
    }

    private static long created(String path, String body) {
        Http.Answer answer = Http.as("frontdesk").post(apps.commandUrl + path, body);
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(201);
        return answer.json().get("position").asLong();
    }

    private static long acted(String user, String path, String body) {
        Http.Answer answer = Http.as(user).post(apps.commandUrl + path, body);
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
        return answer.json().get("position").asLong();
    }

    private static JsonNode read(String user, String path, long minPosition) {
        String separator = path.contains("?") ? "&" : "?";
        Http.Answer answer = Http.as(user).get(apps.queryUrl + path + separator + "minPosition=" + minPosition);
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** The account's ledger lines of one invoice in a month, as "SIDE amount". */
    private static List<String> ledgerLines(String account, String invoice, String month, long position) {
        JsonNode ledger = read("accountant", "/api/accounts/" + account + "/ledger?from=" + month + "-01&to=" + month
                + "-28", position);
        List<String> lines = new ArrayList<>();
        ledger.get("lines").forEach(line -> {
            if (line.get("reference").asText().equals(invoice)) {
                lines.add(line.get("side").asText() + " " + line.get("amount").asText());
            }
        });
        return lines;
    }

    @Test
    void issuePayInPartCreditAndReceivablesAgingAndLedgerAgree() {
        long issued = created("/api/invoices", """
                {"id":"tour-inv","customer":"Hansen-tour","date":"2037-03-02","dueDate":"2037-03-16",
                 "lines":%s}""".formatted(LINES));
        acted("frontdesk", "/api/invoices/tour-inv/payments",
                "{\"amount\":\"1000.00\",\"method\":\"CARD\",\"date\":\"2037-03-05\"}");
        long credited = acted("accountant", "/api/invoices/tour-inv/credit-note",
                "{\"amount\":\"100.00\",\"reason\":\"discount\",\"date\":\"2037-03-06\"}");
        assertThat(credited).isGreaterThan(issued);

        JsonNode open = read("accountant", "/api/receivables?status=open&customer=Hansen-tour", credited);
        JsonNode customer = open.get("customers").get(0);
        assertThat(customer.get("gross").asText()).isEqualTo("1791.75");
        assertThat(customer.get("paid").asText()).isEqualTo("1000.00");
        assertThat(customer.get("credited").asText()).isEqualTo("100.00");
        assertThat(customer.get("open").asText()).isEqualTo("691.75");
        assertThat(customer.get("invoices").get(0).get("dueDate").asText()).isEqualTo("2037-03-16");

        JsonNode before = read("accountant", "/api/receivables/aging?asOf=2037-03-04&customer=Hansen-tour",
                credited).get("customers").get(0).get("buckets");
        assertThat(before.get("current").asText()).isEqualTo("1791.75");
        JsonNode late = read("accountant", "/api/receivables/aging?asOf=2037-04-20&customer=Hansen-tour",
                credited).get("customers").get(0).get("buckets");
        assertThat(late.get("31-60").asText()).isEqualTo("691.75");
        assertThat(late.get("current").asText()).isEqualTo("0.00");

        // 1.5 h × 850.00 = 1275.00 + 318.75 VAT, 2 × 99.00 zero-rated; the credit's VAT 100 × 318.75 / 1791.75.
        assertThat(ledgerLines("1100", "tour-inv", "2037-03", credited))
                .containsExactly("DEBIT 1791.75", "CREDIT 1000.00", "CREDIT 100.00");
        assertThat(ledgerLines("4000", "tour-inv", "2037-03", credited)).containsExactly("CREDIT 1473.00", "DEBIT 82.21");
        assertThat(ledgerLines("2100", "tour-inv", "2037-03", credited)).containsExactly("CREDIT 318.75", "DEBIT 17.79");
        assertThat(ledgerLines("1010", "tour-inv", "2037-03", credited)).containsExactly("DEBIT 1000.00");
        BigDecimal march = new BigDecimal(read("accountant", "/api/accounts/1100/balance?asOf=2037-03-31", credited)
                .get("balance").asText()).subtract(new BigDecimal(read("accountant",
                "/api/accounts/1100/balance?asOf=2037-02-28", credited).get("balance").asText()));
        assertThat(march).isEqualByComparingTo("691.75");
        JsonNode trialBalance = read("auditor", "/api/trial-balance?asOf=2037-03-31", credited);
        assertThat(trialBalance.get("totals").get("debit").asText())
                .isEqualTo(trialBalance.get("totals").get("credit").asText());
    }

    @Test
    void twoPaymentsRacingForTheSameOpenAmountPayOnce() {
        created("/api/invoices", """
                {"id":"race-inv","customer":"Race-AS","date":"2037-04-01","dueDate":"2037-04-15",
                 "lines":[{"description":"Room","quantity":1,"unitPrice":"100.00"}]}""");
        String payment = "{\"amount\":\"100.00\",\"method\":\"CASH\",\"date\":\"2037-04-02\"}";

        List<CompletableFuture<Http.Answer>> both = Stream.of(1, 2)
                .map(i -> CompletableFuture.supplyAsync(() -> Http.as("frontdesk")
                        .post(apps.commandUrl + "/api/invoices/race-inv/payments", payment)))
                .toList();
        List<Integer> statuses = both.stream().map(CompletableFuture::join).map(Http.Answer::status).sorted().toList();

        // The loser either waited for the winner and found too little open (422) or lost the append (409).
        assertThat(statuses.get(0)).isEqualTo(200);
        assertThat(statuses.get(1)).isIn(409, 422);
        JsonNode history = read("auditor", "/api/audit/aggregates/invoice:race-inv/events", apps.head());
        List<String> types = new ArrayList<>();
        history.forEach(event -> types.add(event.get("type").asText()));
        assertThat(types).filteredOn(type -> type.endsWith("PaymentReceived")).hasSize(1);
        JsonNode invoice = read("accountant", "/api/receivables?status=all&customer=Race-AS", apps.head())
                .get("customers").get(0);
        assertThat(invoice.get("paid").asText()).isEqualTo("100.00");
        assertThat(invoice.get("open").asText()).isEqualTo("25.00");
        assertThat(ledgerLines("1000", "race-inv", "2037-04", apps.head())).containsExactly("DEBIT 100.00");
    }

    static Stream<Arguments> badRequests() {
        String invoice = """
                {"customer":"C","date":"2038-01-10","dueDate":"%s","lines":[{"description":"x","quantity":%s,
                 "unitPrice":"%s","vatRate":%s}]%s}""";
        return Stream.of(
                arguments("VAT rate over 100", "frontdesk", "/api/invoices",
                        invoice.formatted("2038-02-01", "1", "1.00", "100.5", ""), 400, "VALIDATION_FAILED",
                        "lines[0].vatRate", null),
                arguments("negative VAT rate", "frontdesk", "/api/invoices",
                        invoice.formatted("2038-02-01", "1", "1.00", "-1", ""), 400, "VALIDATION_FAILED",
                        "lines[0].vatRate", null),
                arguments("quantity zero", "frontdesk", "/api/invoices",
                        invoice.formatted("2038-02-01", "0", "1.00", "25", ""), 400, "VALIDATION_FAILED",
                        "lines[0].quantity", null),
                arguments("negative quantity", "frontdesk", "/api/invoices",
                        invoice.formatted("2038-02-01", "-1", "1.00", "25", ""), 400, "VALIDATION_FAILED",
                        "lines[0].quantity", null),
                arguments("quantity finer than thousandths", "frontdesk", "/api/invoices",
                        invoice.formatted("2038-02-01", "0.0001", "1.00", "25", ""), 400, "VALIDATION_FAILED",
                        "lines[0].quantity", null),
                arguments("negative unit price", "frontdesk", "/api/invoices",
                        invoice.formatted("2038-02-01", "1", "-1.00", "25", ""), 400, "VALIDATION_FAILED",
                        "lines[0].unitPrice", null),
                arguments("unit price finer than øre", "frontdesk", "/api/invoices",
                        invoice.formatted("2038-02-01", "1", "1.005", "25", ""), 400, "VALIDATION_FAILED",
                        "lines[0].unitPrice", null),
                arguments("due date before the issue date", "frontdesk", "/api/invoices",
                        invoice.formatted("2038-01-09", "1", "1.00", "25", ""), 400, "VALIDATION_FAILED", "dueDate",
                        null),
                arguments("invoice in another currency than receivables", "frontdesk", "/api/invoices",
                        invoice.formatted("2038-02-01", "1", "1.00", "25", ",\"currency\":\"EUR\""), 422,
                        "BUSINESS_RULE_VIOLATED", "currency", "ACCOUNT_CURRENCY_MISMATCH"),
                arguments("invoice in no currency at all", "frontdesk", "/api/invoices",
                        invoice.formatted("2038-02-01", "1", "1.00", "25", ",\"currency\":\"XYZW\""), 400,
                        "VALIDATION_FAILED", "currency", null),
                arguments("invoice without lines", "frontdesk", "/api/invoices",
                        "{\"customer\":\"C\",\"dueDate\":\"2038-02-01\",\"date\":\"2038-01-10\"}", 400,
                        "VALIDATION_FAILED", "lines", null),
                arguments("invoice without a customer", "frontdesk", "/api/invoices",
                        "{\"dueDate\":\"2038-02-01\",\"date\":\"2038-01-10\",\"lines\":" + LINES + "}", 400,
                        "VALIDATION_FAILED", "customer", null),
                arguments("invoice with a taken id", "frontdesk", "/api/invoices",
                        "{\"id\":\"bad-open\",\"customer\":\"C\",\"dueDate\":\"2038-02-01\",\"date\":\"2038-01-10\","
                                + "\"lines\":" + LINES + "}", 409, "DUPLICATE", "id", null),
                arguments("invoice dated in a closed month", "frontdesk", "/api/invoices",
                        "{\"customer\":\"C\",\"dueDate\":\"2038-12-01\",\"date\":\"2038-11-10\",\"lines\":" + LINES
                                + "}", 422, "BUSINESS_RULE_VIOLATED", "date", "PERIOD_CLOSED"),
                arguments("invoice by an accountant", "accountant", "/api/invoices",
                        invoice.formatted("2038-02-01", "1", "1.00", "25", ""), 403, "FORBIDDEN", null, null),
                arguments("payment above what is open", "frontdesk", "/api/invoices/bad-open/payments",
                        "{\"amount\":\"125.01\",\"method\":\"BANK\",\"date\":\"2038-01-12\"}", 422,
                        "BUSINESS_RULE_VIOLATED", "amount", "OVERPAYMENT"),
                arguments("payment on a credited invoice", "frontdesk", "/api/invoices/bad-credited/payments",
                        "{\"amount\":\"1.00\",\"method\":\"BANK\",\"date\":\"2038-01-12\"}", 422,
                        "BUSINESS_RULE_VIOLATED", "id", "INVOICE_CREDITED"),
                arguments("payment on an unknown invoice", "frontdesk", "/api/invoices/nope/payments",
                        "{\"amount\":\"1.00\",\"method\":\"BANK\",\"date\":\"2038-01-12\"}", 404, "NOT_FOUND", "id",
                        null),
                arguments("payment by an unknown method", "frontdesk", "/api/invoices/bad-open/payments",
                        "{\"amount\":\"1.00\",\"method\":\"CHEQUE\",\"date\":\"2038-01-12\"}", 400,
                        "VALIDATION_FAILED", "method", null),
                arguments("payment of zero", "frontdesk", "/api/invoices/bad-open/payments",
                        "{\"amount\":\"0.00\",\"method\":\"CASH\",\"date\":\"2038-01-12\"}", 400, "VALIDATION_FAILED",
                        "amount", null),
                arguments("payment finer than øre", "frontdesk", "/api/invoices/bad-open/payments",
                        "{\"amount\":\"1.001\",\"method\":\"CASH\",\"date\":\"2038-01-12\"}", 400,
                        "VALIDATION_FAILED", "amount", null),
                arguments("payment without a date", "frontdesk", "/api/invoices/bad-open/payments",
                        "{\"amount\":\"1.00\",\"method\":\"CASH\"}", 400, "VALIDATION_FAILED", "date", null),
                arguments("payment dated before the invoice", "frontdesk", "/api/invoices/bad-open/payments",
                        "{\"amount\":\"1.00\",\"method\":\"CASH\",\"date\":\"2038-01-09\"}", 422,
                        "BUSINESS_RULE_VIOLATED", "date", "BEFORE_ISSUE_DATE"),
                arguments("payment dated in a closed month", "frontdesk", "/api/invoices/bad-open/payments",
                        "{\"amount\":\"1.00\",\"method\":\"CASH\",\"date\":\"2038-11-09\"}", 422,
                        "BUSINESS_RULE_VIOLATED", "date", "PERIOD_CLOSED"),
                arguments("credit note above what is open", "accountant", "/api/invoices/bad-open/credit-note",
                        "{\"amount\":\"125.01\",\"reason\":\"x\",\"date\":\"2038-01-12\"}", 422,
                        "BUSINESS_RULE_VIOLATED", "amount", "CREDIT_EXCEEDS_OPEN"),
                arguments("credit note on a credited invoice", "accountant", "/api/invoices/bad-credited/credit-note",
                        "{\"reason\":\"x\",\"date\":\"2038-01-12\"}", 422, "BUSINESS_RULE_VIOLATED", "id",
                        "NOTHING_OPEN"),
                arguments("credit note on an unknown invoice", "accountant", "/api/invoices/nope/credit-note",
                        "{\"reason\":\"x\",\"date\":\"2038-01-12\"}", 404, "NOT_FOUND", "id", null),
                arguments("credit note without a reason", "accountant", "/api/invoices/bad-open/credit-note",
                        "{\"date\":\"2038-01-12\"}", 400, "VALIDATION_FAILED", "reason", null),
                arguments("credit note by the front desk", "frontdesk", "/api/invoices/bad-open/credit-note",
                        "{\"reason\":\"x\",\"date\":\"2038-01-12\"}", 403, "FORBIDDEN", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIsAProblemAndAppendsNothing(String label, String user, String path, String body, int status,
                                             String code, String field, String rule) {
        apps.assertRefused(label, user, path, body, status, code, field, rule);
    }

    @Test
    void receivablesAreForAccountantsAndAuditorsOnly() {
        assertThat(Http.as("frontdesk").get(apps.queryUrl + "/api/receivables?status=open").status()).isEqualTo(403);
        assertThat(Http.as("accountant").get(apps.queryUrl + "/api/receivables?status=nonsense").status())
                .isEqualTo(400);
        assertThat(Http.as("auditor").get(apps.queryUrl + "/api/receivables/aging?asOf=2038-01-31").status())
                .isEqualTo(200);
    }
}
