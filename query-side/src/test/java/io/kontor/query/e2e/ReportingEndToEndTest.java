package io.kontor.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.query.reporting.KpiGenerations;
import io.kontor.query.reporting.KpiStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reporting user's view through both apps: KPIs over time that agree with the ledger, CSV for every report, a
 * rebuild of the KPI view, and bad ranges refused. Ledger postings here are dated in 2042 only, each test in its
 * own months (January to June, August, October), so their figures stay their own.
 */
class ReportingEndToEndTest {

    private static final KontorApps apps = KontorApps.get();

    private static long entry(String date, String debit, String credit, String amount) {
        return post("accountant", "/api/journal-entries", """
                {"date":"%s","description":"kpi","lines":[{"account":"%s","debit":"%s"},{"account":"%s","credit":"%s"}]}"""
                .formatted(date, debit, amount, credit, amount));
    }

    private static Http.Answer get(String user, String path, long minPosition, String accept) {
        String separator = path.contains("?") ? "&" : "?";
        Http client = Http.as(user);
        if (accept != null) {
            client.header("Accept", accept);
        }
        Http.Answer answer = client.get(apps.queryUrl + path + separator + "minPosition=" + minPosition);
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
        return answer;
    }

    private static List<String> series(JsonNode report, String kpi) {
        for (JsonNode series : report.get("series")) {
            if (series.get("kpi").asText().equals(kpi)) {
                List<String> values = new ArrayList<>();
                series.get("points").forEach(p -> values.add(p.get("value").asText()));
                return values;
            }
        }
        throw new AssertionError("no " + kpi + " in " + report);
    }

    @Test
    void netRevenueOverARangeEqualsTheMovementOfAccount4000() {
        entry("2042-02-10", "1000", "4000", "1000.00");
        entry("2042-02-20", "1010", "4000", "500.25");
        entry("2042-03-05", "4000", "1000", "200.00");
        long last = entry("2042-06-30", "1010", "4000", "0.75");

        JsonNode kpis = get("accountant", "/api/reports/kpis?from=2042-01-01&to=2042-06-30&granularity=month", last, null)
                .json();
        JsonNode ledger = get("accountant", "/api/accounts/4000/ledger?from=2042-01-01&to=2042-06-30", last, null)
                .json();

        List<String> revenue = series(kpis, "netRevenue");
        assertThat(revenue).containsExactly("0.00", "1500.25", "-200.00", "0.00", "0.00", "0.75");
        BigDecimal total = revenue.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal movement = new BigDecimal(ledger.get("closingBalance").asText())
                .subtract(new BigDecimal(ledger.get("openingBalance").asText()));
        assertThat(total).isEqualByComparingTo(movement).isEqualByComparingTo("1301.00");
        JsonNode weeks = get("admin", "/api/reports/kpis?from=2042-02-10&to=2042-02-23&granularity=week", last, null)
                .json();
        assertThat(series(weeks, "netRevenue")).containsExactly("1000.00", "500.25");
    }

    @Test
    void everyReportAnswersCsvWithAHeaderRowAndQuotesWhatNeedsIt() {
        long item = post("storekeeper", "/api/items", "{\"sku\":\"CSV-1\",\"name\":\"Paper, A4 \\\"premium\\\"\",\"unit\":\"box\"}");
        long last = entry("2042-08-08", "1000", "4000", "42.00");

        Http.Answer kpis = get("accountant", "/api/reports/kpis?from=2042-08-01&to=2042-08-31&granularity=day", last,
                "text/csv");
        assertThat(kpis.header("Content-Type")).startsWith("text/csv");
        List<String> rows = List.of(kpis.body().split("\r\n"));
        assertThat(rows.get(0)).startsWith("period,start,end,netRevenue,");
        assertThat(rows).hasSize(32);
        assertThat(rows.get(8)).startsWith("2042-08-08,2042-08-08,2042-08-08,42.00,");

        Http.Answer trialBalance = get("accountant", "/api/trial-balance?asOf=2042-12-31", last, "text/csv");
        assertThat(trialBalance.header("Content-Type")).startsWith("text/csv");
        assertThat(trialBalance.body()).startsWith("account,name,type,currency,debit,credit\r\n")
                .contains("\r\n4000,Sales revenue,REVENUE,DKK,");

        Http.Answer inventory = get("storekeeper", "/api/inventory", Math.max(item, last), "text/csv");
        assertThat(inventory.body()).startsWith("sku,name,unit,reorderLevel,quantity,averageCost,value,")
                .contains("\r\nCSV-1,\"Paper, A4 \"\"premium\"\"\",box,0,0,");

        Http.Answer roster = get("hr", "/api/roster?from=2042-08-01&to=2042-08-02", last, "text/csv");
        assertThat(roster.body()).startsWith("date,kind,employeeId,name,department,start,end,role,location,absence\r\n");

        Http.Answer json = get("accountant", "/api/trial-balance?asOf=2042-12-31", last, null);
        assertThat(json.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void theKpiViewIsRebuiltBesideTheLiveOneWithTheSameFigures() {
        long last = entry("2042-10-01", "1000", "4000", "10.10");
        String path = "/api/reports/kpis?from=2042-01-01&to=2042-12-31&granularity=month";
        JsonNode before = get("admin", path, last, null).json();
        KpiGenerations generations = apps.query.getBean(KpiGenerations.class);
        KpiStore old = generations.get();

        Http.Answer started = Http.as("admin").post(apps.queryUrl + "/api/audit/projections/kpis/rebuild", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> generations.get() != old && !rebuilding());

        assertThat(generations.get().generation()).isEqualTo(old.generation() + 1);
        JsonNode after = get("admin", path, last, null).json();
        assertThat(after).isEqualTo(before);
        long more = entry("2042-10-02", "1000", "4000", "0.90");
        assertThat(series(get("admin", path, more, null).json(), "netRevenue").get(9))
                .isEqualTo(new BigDecimal(series(before, "netRevenue").get(9)).add(new BigDecimal("0.90")).toPlainString());
    }

    private static boolean rebuilding() {
        for (JsonNode view : Http.as("admin").get(apps.queryUrl + "/api/audit/projections").json()) {
            if (view.get("name").asText().equals("kpis")) {
                return !view.get("status").asText().equals("LIVE");
            }
        }
        throw new AssertionError("no kpis view");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "to before from|accountant|from=2042-03-01&to=2042-02-28|400|VALIDATION_FAILED|to",
            "more than 10 years|accountant|from=2030-01-01&to=2040-01-02|400|VALIDATION_FAILED|to",
            "unknown granularity|accountant|from=2042-01-01&to=2042-02-01&granularity=year|400|VALIDATION_FAILED|granularity",
            "no from|accountant|to=2042-02-01|400|VALIDATION_FAILED|from",
            "not a date|accountant|from=2042-13-01&to=2042-02-01|400|VALIDATION_FAILED|from",
            "wrong role|frontdesk|from=2042-01-01&to=2042-02-01|403|FORBIDDEN|"})
    void badKpiQueriesAreProblems(String label, String user, String query, int status, String code, String field) {
        for (String accept : new String[]{null, "text/csv"}) {
            Http client = Http.as(user);
            if (accept != null) {
                client.header("Accept", accept);
            }
            Http.Answer answer = client.get(apps.queryUrl + "/api/reports/kpis?" + query);

            assertThat(answer.status()).as(label + " " + accept + ": " + answer.body()).isEqualTo(status);
            assertThat(answer.header("Content-Type")).as(label).startsWith("application/problem+json");
            assertThat(answer.json().get("code").asText()).isEqualTo(code);
            if (field != null) {
                assertThat(answer.json().get("field").asText()).isEqualTo(field);
            }
        }
    }

    private static long post(String user, String path, String body) {
        return apps.command(user, path, body, 201);
    }
}
