package io.kontor.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front office in the KPIs through both apps: invoices issued and paid, a visitor checked in and a room booked
 * show up in {@code /api/reports/kpis}, revenue still equals the movement of account 4000, and receivables and their
 * aging answer CSV. Ledger postings here are dated in 2045 only (May), and the room is booked in 2045 only, so those
 * figures are this test's own; the visitor is counted today, so only the change it makes is asserted.
 */
class FrontOfficeKpisEndToEndTest {

    private static final KontorApps apps = KontorApps.get();
    private static final String CUSTOMER = "Kpi 45, A/S";
    private static long last;

    /**
     * Two invoices to one customer in May 2045 (1250.00 due 24 May, 400.00 zero-rated due 15 June), the first paid
     * 1000.00 by card; a room booked 08:00-14:00 UTC on 10 May 2045 (6 hours).
     */
    @BeforeAll
    static void givens() {
        apps.created("admin", "/api/resources", "{\"id\":\"kpi45-room\",\"name\":\"Room 45\",\"kind\":\"ROOM\"}");
        apps.created("frontdesk", "/api/reservations", "{\"id\":\"kpi45-stay\",\"resource\":\"kpi45-room\","
                + "\"customer\":\"Olsen\",\"from\":\"2045-05-10T08:00:00Z\",\"to\":\"2045-05-10T14:00:00Z\"}");
        apps.created("frontdesk", "/api/invoices", """
                {"id":"kpi45-a","customer":"%s","date":"2045-05-10","dueDate":"2045-05-24",
                 "lines":[{"description":"Room","quantity":1,"unitPrice":"1000.00"}]}""".formatted(CUSTOMER));
        apps.created("frontdesk", "/api/invoices", """
                {"id":"kpi45-b","customer":"%s","date":"2045-05-12","dueDate":"2045-06-15",
                 "lines":[{"description":"Books","quantity":2,"unitPrice":"200.00","vatRate":0}]}""".formatted(CUSTOMER));
        last = apps.acted("frontdesk", "/api/invoices/kpi45-a/payments",
                "{\"amount\":\"1000.00\",\"method\":\"CARD\",\"date\":\"2045-05-15\"}");
    }

    private static List<String> series(JsonNode report, String kpi) {
        for (JsonNode series : report.get("series")) {
            if (series.get("kpi").asText().equals(kpi)) {
                List<String> values = new ArrayList<>();
                series.get("points").forEach(p -> values.add(p.get("value").isNull() ? null : p.get("value").asText()));
                return values;
            }
        }
        throw new AssertionError("no " + kpi + " in " + report);
    }

    private static Http.Answer csv(String path, long minPosition) {
        Http.Answer answer = Http.as("accountant").header("Accept", "text/csv")
                .get(apps.queryUrl + path + "&minPosition=" + minPosition);
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("text/csv");
        return answer;
    }

    @Test
    void invoicesPaymentsAndReceivablesShowInTheKpisAndRevenueEqualsTheMovementOf4000() {
        JsonNode kpis = apps.read("accountant", "/api/reports/kpis?from=2045-04-01&to=2045-05-31&granularity=month",
                last);
        JsonNode ledger = apps.read("accountant", "/api/accounts/4000/ledger?from=2045-04-01&to=2045-05-31", last);

        assertThat(series(kpis, "invoicesIssued")).containsExactly("0", "2");
        assertThat(series(kpis, "invoicedGross")).containsExactly("0.00", "1650.00");
        assertThat(series(kpis, "paymentsReceived")).containsExactly("0.00", "1000.00");
        assertThat(series(kpis, "paymentsCard")).containsExactly("0.00", "1000.00");
        assertThat(series(kpis, "paymentsCash")).containsExactly("0.00", "0.00");
        List<String> revenue = series(kpis, "netRevenue");
        assertThat(revenue).containsExactly("0.00", "1400.00");
        BigDecimal movement = new BigDecimal(ledger.get("closingBalance").asText())
                .subtract(new BigDecimal(ledger.get("openingBalance").asText()));
        assertThat(revenue.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(movement);
        // Receivables are a level over every year; May adds what it invoiced and did not collect.
        List<String> receivables = series(kpis, "receivables");
        assertThat(new BigDecimal(receivables.get(1)).subtract(new BigDecimal(receivables.get(0))))
                .isEqualByComparingTo("650.00");
        BigDecimal dso = new BigDecimal(receivables.get(1)).multiply(BigDecimal.valueOf(31))
                .divide(new BigDecimal("1400.00"), 1, RoundingMode.HALF_EVEN);
        assertThat(series(kpis, "daysSalesOutstanding").get(1)).isEqualTo(dso.toPlainString());
    }

    @Test
    void aBookedRoomIsItsHoursOverTheHoursOfEveryRoom() {
        JsonNode kpis = apps.read("admin", "/api/reports/kpis?from=2045-05-09&to=2045-05-10&granularity=day", last);
        long rooms = 0;
        for (JsonNode resource : apps.read("frontdesk", "/api/resources", last)) {
            rooms += resource.get("kind").asText().equals("ROOM") ? 1 : 0;
        }

        BigDecimal share = BigDecimal.valueOf(6).divide(BigDecimal.valueOf(24 * rooms), 4, RoundingMode.HALF_EVEN);
        assertThat(series(kpis, "roomOccupancy")).containsExactly("0.0000", share.toPlainString());
        assertThat(series(kpis, "meetingRoomOccupancy").get(1)).isIn("0.0000", null);
    }

    @Test
    void aVisitorCheckedInCountsOnceOnItsDayInDenmark() {
        long hired = apps.created("hr", "/api/employees", "{\"id\":\"kpi45-host\",\"name\":\"Kaj Holm\",\"department\":\"Sales\","
                + "\"role\":\"Account manager\",\"monthlySalary\":\"40000.00\",\"startDate\":\"2045-01-01\"}");
        // Around today, so a check-in just after midnight still falls in the range.
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
        String path = "/api/reports/kpis?from=" + today.minusDays(1) + "&to=" + today.plusDays(1) + "&granularity=day";
        long before = visitors(apps.read("accountant", path, hired));

        long checkedIn = apps.created("frontdesk", "/api/visitors", "{\"id\":\"kpi45-visitor\",\"name\":\"Ida Berg\","
                + "\"host\":\"kpi45-host\",\"purpose\":\"Contract\"}");

        assertThat(visitors(apps.read("accountant", path, checkedIn))).isEqualTo(before + 1);
    }

    private static long visitors(JsonNode report) {
        return series(report, "visitors").stream().mapToLong(Long::parseLong).sum();
    }

    @Test
    void receivablesAndTheirAgingAnswerCsv() {
        String customer = URLEncoder.encode(CUSTOMER, StandardCharsets.UTF_8);

        Http.Answer open = csv("/api/receivables?status=all&customer=" + customer, last);
        assertThat(open.body().split("\r\n")).containsExactly(
                "customer,invoice,issueDate,dueDate,currency,gross,paid,credited,open,daysOverdue,status",
                row("kpi45-a,2045-05-10,2045-05-24,DKK,1250.00,1000.00,0.00,250.00,0,OPEN"),
                row("kpi45-b,2045-05-12,2045-06-15,DKK,400.00,0.00,0.00,400.00,0,OPEN"));

        Http.Answer aging = csv("/api/receivables/aging?asOf=2045-06-30&customer=" + customer, last);
        assertThat(aging.body().split("\r\n")).containsExactly(
                "customer,currency,current,1-30,31-60,61-90,90+,total",
                row("DKK,0.00,400.00,250.00,0.00,0.00,650.00"));

        JsonNode json = apps.read("accountant", "/api/receivables/aging?asOf=2045-06-30&customer=" + customer, last);
        assertThat(json.get("customers").get(0).get("total").asText()).isEqualTo("650.00");
    }

    /** A CSV row of this test's customer, whose name holds a comma and so is quoted. */
    private static String row(String rest) {
        return "\"" + CUSTOMER + "\"," + rest;
    }
}
