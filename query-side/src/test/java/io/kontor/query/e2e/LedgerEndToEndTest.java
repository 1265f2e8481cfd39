package io.kontor.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.testing.TestMongo;
import io.kontor.query.ledger.LedgerGenerations;
import io.kontor.query.ledger.LedgerReplay;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The general ledger through both apps: entries, reversals, closed months and the accountants' reports. */
class LedgerEndToEndTest {

    private final KontorApps apps = KontorApps.get();

    private static String entry(String date, String debitAccount, String creditAccount, String amount) {
        return """
                {"date":"%s","description":"e2e","lines":[{"account":"%s","debit":"%s"},{"account":"%s","credit":"%s"}]}
                """.formatted(date, debitAccount, amount, creditAccount, amount);
    }

    private long post(String body) {
        Http.Answer answer = Http.as("accountant").post(apps.commandUrl + "/api/journal-entries", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("position").asLong();
    }

    private JsonNode read(String path, long minPosition) {
        String separator = path.contains("?") ? "&" : "?";
        Http.Answer answer = Http.as("accountant").get(apps.queryUrl + path + separator + "minPosition=" + minPosition);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(Long.parseLong(answer.header("X-Kontor-Position"))).isGreaterThanOrEqualTo(minPosition);
        return answer.json();
    }

    private static String row(JsonNode trialBalance, String account, String column) {
        for (JsonNode row : trialBalance.get("rows")) {
            if (row.get("account").asText().equals(account)) {
                return row.get(column).asText();
            }
        }
        throw new AssertionError("no row for " + account);
    }

    @Test
    void anEntryMovesTheTrialBalanceWhichStaysBalanced() {
        JsonNode before = read("/api/trial-balance", apps.head());
        long position = post(entry("2031-01-15", "1000", "3000", "1250.00"));

        JsonNode after = read("/api/trial-balance", position);

        assertThat(new java.math.BigDecimal(row(after, "1000", "debit"))
                .subtract(new java.math.BigDecimal(row(before, "1000", "debit"))))
                .isEqualByComparingTo("1250.00");
        assertThat(after.get("totals").get("debit").asText()).isEqualTo(after.get("totals").get("credit").asText());
        JsonNode ledger = read("/api/accounts/1000/ledger?from=2031-01-15&to=2031-01-15", position);
        assertThat(ledger.get("lines")).hasSize(1);
        assertThat(ledger.get("lines").get(0).get("position").asLong()).isEqualTo(position);
        assertThat(ledger.get("lines").get(0).get("eventType").asText()).isEqualTo("JournalEntryPosted");
    }

    @Test
    void aReversalMirrorsItsEntryOnceAndTheReportsShowIt() {
        String body = entry("2032-03-10", "1010", "4000", "999.99");
        Http.Answer posted = Http.as("accountant").post(apps.commandUrl + "/api/journal-entries", body);
        String id = posted.json().get("id").asText();
        Http.Answer reversed = Http.as("accountant").post(apps.commandUrl + "/api/journal-entries/" + id + "/reversal",
                "{\"date\":\"2032-03-31\",\"reason\":\"wrong customer\"}");
        assertThat(reversed.status()).as(reversed.body()).isEqualTo(201);
        long position = reversed.json().get("position").asLong();

        long head = apps.head();
        Http.Answer again = Http.as("accountant").post(apps.commandUrl + "/api/journal-entries/" + id + "/reversal",
                "{\"date\":\"2032-04-01\",\"reason\":\"twice\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(apps.head()).isEqualTo(head);

        JsonNode march = read("/api/reports/income-statement?from=2032-03-01&to=2032-03-31", position);
        assertThat(march.get("totalRevenue").asText()).isEqualTo("0.00");
        JsonNode midMonth = read("/api/reports/income-statement?from=2032-03-01&to=2032-03-20", position);
        assertThat(midMonth.get("totalRevenue").asText()).isEqualTo("999.99");
        JsonNode revenue = read("/api/accounts/4000/ledger?from=2032-03-01&to=2032-03-31", position);
        assertThat(revenue.get("lines")).hasSize(2);
        assertThat(revenue.get("closingBalance").asText()).isEqualTo(revenue.get("openingBalance").asText());
        JsonNode sheet = read("/api/reports/balance-sheet?asOf=2032-03-20", position);
        assertThat(sheet.get("totalAssets").asText()).isEqualTo(sheet.get("totalLiabilitiesAndEquity").asText());
        JsonNode balance = read("/api/accounts/1010/balance?asOf=2032-03-20", position);
        assertThat(balance.get("account").asText()).isEqualTo("1010");
    }

    @Test
    void aClosedMonthRefusesPostingsDatedInIt() {
        Http.Answer closed = Http.as("accountant").post(apps.commandUrl + "/api/periods/2020-02/close", "");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("id").asText()).isEqualTo("2020-02");
        long head = apps.head();

        Http.Answer refused = Http.as("accountant").post(apps.commandUrl + "/api/journal-entries",
                entry("2020-02-29", "1000", "3000", "1.00"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("BUSINESS_RULE_VIOLATED");
        assertThat(refused.json().get("rule").asText()).isEqualTo("PERIOD_CLOSED");
        assertThat(Http.as("accountant").post(apps.commandUrl + "/api/periods/2020-02/close", "").status())
                .isEqualTo(409);
        assertThat(apps.head()).isEqualTo(head);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unbalanced          | 422 | BUSINESS_RULE_VIOLATED | lines            | {"date":"2033-01-01","description":"x","lines":[{"account":"1000","debit":"10.00"},{"account":"3000","credit":"9.99"}]}
            one line            | 400 | VALIDATION_FAILED      | lines            | {"date":"2033-01-01","description":"x","lines":[{"account":"1000","debit":"10.00"}]}
            mixed currencies    | 422 | BUSINESS_RULE_VIOLATED | lines            | {"date":"2033-01-01","description":"x","lines":[{"account":"1000","debit":"10.00"},{"account":"3000","credit":"10.00","currency":"EUR"}]}
            unknown account     | 404 | NOT_FOUND              | lines.account    | {"date":"2033-01-01","description":"x","lines":[{"account":"1999","debit":"10.00"},{"account":"3000","credit":"10.00"}]}
            wrong currency      | 422 | BUSINESS_RULE_VIOLATED | lines.account    | {"date":"2033-01-01","description":"x","currency":"EUR","lines":[{"account":"1000","debit":"10.00"},{"account":"3000","credit":"10.00"}]}
            over-precise amount | 400 | VALIDATION_FAILED      | lines[0].debit   | {"date":"2033-01-01","description":"x","lines":[{"account":"1000","debit":"10.001"},{"account":"3000","credit":"10.001"}]}
            negative amount     | 400 | VALIDATION_FAILED      | lines[1].credit  | {"date":"2033-01-01","description":"x","lines":[{"account":"1000","debit":"1.00"},{"account":"3000","credit":"-1.00"}]}
            debit and credit    | 400 | VALIDATION_FAILED      | lines[0]         | {"date":"2033-01-01","description":"x","lines":[{"account":"1000","debit":"1.00","credit":"1.00"},{"account":"3000","credit":"1.00"}]}
            missing date        | 400 | VALIDATION_FAILED      | date             | {"description":"x","lines":[{"account":"1000","debit":"1.00"},{"account":"3000","credit":"1.00"}]}
            bad date            | 400 | VALIDATION_FAILED      | date             | {"date":"2033-02-30","description":"x","lines":[{"account":"1000","debit":"1.00"},{"account":"3000","credit":"1.00"}]}
            id with a slash     | 400 | VALIDATION_FAILED      | id               | {"id":"a/b","date":"2033-01-01","description":"x","lines":[{"account":"1000","debit":"1.00"},{"account":"3000","credit":"1.00"}]}
            """)
    void badEntriesAreRefusedWithAProblemNamingTheFieldAndAppendNothing(String name, int status, String code,
                                                                        String field, String body) {
        apps.assertRefused(name, "accountant", "/api/journal-entries", body, status, code, field, null);
    }

    @Test
    void postingNeedsTheAccountantRole() {
        Http.Answer answer = Http.as("frontdesk").post(apps.commandUrl + "/api/journal-entries",
                entry("2033-01-01", "1000", "3000", "1.00"));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(Http.as("frontdesk").get(apps.queryUrl + "/api/trial-balance").status()).isEqualTo(403);
    }

    @Test
    void aFullRebuildFromPositionZeroEqualsTheLiveViewDocumentForDocument() {
        for (int i = 0; i < 30; i++) {
            post(entry("2034-0" + (1 + i % 9) + "-1" + (i % 10), i % 2 == 0 ? "1010" : "6000",
                    i % 3 == 0 ? "4000" : "3000", (i + 1) + ".25"));
        }
        long head = apps.head();
        read("/api/trial-balance", head);

        MongoDatabase live = apps.query.getBean(MongoDatabase.class);
        MongoDatabase rebuilt = TestMongo.freshDatabase();
        LedgerReplay.rebuild(apps.query.getBean(EventStorageEngine.class), rebuilt, 7);

        // The live view's collections are its live generation's (a rebuild test may have swapped in another one).
        List<String> liveCollections = apps.query.getBean(LedgerGenerations.class).get().collectionNames();
        List<String> collections = List.of("ledger_accounts", "ledger_buckets", "ledger_lines");
        for (int i = 0; i < collections.size(); i++) {
            assertThat(documents(rebuilt, collections.get(i))).as(collections.get(i))
                    .isEqualTo(documents(live, liveCollections.get(i)));
        }
        int lines = documents(live, liveCollections.get(1)).stream()
                .mapToInt(bucket -> bucket.getList("entries", Document.class, List.of()).size()).sum();
        assertThat(lines).isGreaterThanOrEqualTo(60);
    }

    private static List<Document> documents(MongoDatabase database, String collection) {
        List<Document> all = new ArrayList<>();
        database.getCollection(collection).find().sort(new Document("_id", 1)).into(all);
        return all;
    }
}
