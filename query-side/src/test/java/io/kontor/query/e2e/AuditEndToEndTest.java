package io.kontor.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.kontor.eventlog.LogSchema;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The auditors' tools through the query app: verification of the hash chain, the log as an API, its export, lineage, time travel. */
class AuditEndToEndTest {

    private final KontorApps apps = KontorApps.get();

    private long post(String date, String amount) {
        return postEntry(date, amount).get("position").asLong();
    }

    private JsonNode postEntry(String date, String amount) {
        Http.Answer answer = Http.as("accountant").post(apps.commandUrl + "/api/journal-entries", """
                {"date":"%s","description":"audit e2e","lines":[{"account":"1000","debit":"%s"},{"account":"3000","credit":"%s"}]}
                """.formatted(date, amount, amount));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json();
    }

    private JsonNode audit(String path) {
        Http.Answer answer = Http.as("auditor").get(apps.queryUrl + path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(Long.parseLong(answer.header("X-Kontor-Position"))).isPositive();
        return answer.json();
    }

    @Test
    void anEventIsReadBackWithItsPositionTypeRevisionAggregateUserCorrelationAndPayload() {
        JsonNode posted = postEntry("2034-06-01", "12.34");
        long position = posted.get("position").asLong();

        JsonNode page = audit("/api/audit/events?after=" + (position - 1) + "&limit=1");

        assertThat(page.get("events")).hasSize(1);
        JsonNode event = page.get("events").get(0);
        assertThat(event.get("position").asLong()).isEqualTo(position);
        assertThat(event.get("type").asText()).isEqualTo("JournalEntryPosted");
        assertThat(event.get("payloadType").asText()).isEqualTo("io.kontor.events.ledger.JournalEntryPosted");
        assertThat(event.get("revision").asText()).isEqualTo("1");
        assertThat(event.get("aggregateId").asText()).isEqualTo(posted.get("id").asText());
        assertThat(event.get("sequence").asLong()).isZero();
        assertThat(event.get("user").asText()).isEqualTo("accountant");
        assertThat(event.get("correlationId").asText()).isNotBlank();
        assertThat(event.get("timestamp").asText()).isNotBlank();
        assertThat(event.get("payload").get("description").asText()).isEqualTo("audit e2e");
        assertThat(page.get("next").asLong()).isEqualTo(position);
        assertThat(audit("/api/audit/events/" + position)).isEqualTo(event);
    }

    @Test
    void filtersByTypeAndAggregateAndOneAggregatesHistory() {
        JsonNode posted = postEntry("2034-06-02", "5.00");
        String id = posted.get("id").asText();
        long position = posted.get("position").asLong();

        JsonNode byType = audit("/api/audit/events?after=" + (position - 1) + "&type=JournalEntryPosted&limit=5");
        assertThat(byType.get("events").get(0).get("position").asLong()).isEqualTo(position);
        JsonNode byFullType = audit("/api/audit/events?type=io.kontor.events.ledger.AccountOpened&limit=1000");
        assertThat(byFullType.get("events")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("type").asText()).isEqualTo("AccountOpened"));
        JsonNode byAggregate = audit("/api/audit/events?aggregateId=" + id);
        assertThat(byAggregate.get("events")).hasSize(1);
        assertThat(byAggregate.get("events").get(0).get("position").asLong()).isEqualTo(position);
        JsonNode history = audit("/api/audit/aggregates/" + id + "/events");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("position").asLong()).isEqualTo(position);
        assertThat(Http.as("auditor").get(apps.queryUrl + "/api/audit/aggregates/nobody-at-all/events").status())
                .isEqualTo(404);
        assertThat(Http.as("auditor").get(apps.queryUrl + "/api/audit/events/999999999").status()).isEqualTo(404);
        assertThat(Http.as("auditor").get(apps.queryUrl + "/api/audit/events?limit=1001").status()).isEqualTo(400);
    }

    @Test
    void aRangeExportsAsOneJsonLinePerEvent() {
        long first = post("2034-06-03", "1.00");
        long last = post("2034-06-04", "2.00");

        Http.Answer answer = Http.as("auditor").get(apps.queryUrl + "/api/audit/export?after=" + (first - 1)
                + "&to=" + last);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/x-ndjson");
        String[] lines = answer.body().split("\n");
        assertThat(lines).hasSize((int) (last - first + 1));
        assertThat(new Http.Answer(200, java.util.Map.of(), lines[0]).json().get("position").asLong()).isEqualTo(first);
        assertThat(new Http.Answer(200, java.util.Map.of(), lines[lines.length - 1]).json().get("position").asLong())
                .isEqualTo(last);
    }

    @Test
    void anUntouchedLogVerifiesUpToItsHead() {
        long position = post("2034-05-02", "10.00");

        Http.Answer answer = Http.as("auditor").get(apps.queryUrl + "/api/audit/verify");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("verified").asBoolean()).isTrue();
        assertThat(body.get("head").asLong()).isGreaterThanOrEqualTo(position);
        assertThat(body.get("headHash").asText()).hasSize(64);
        assertThat(body.has("firstBrokenPosition")).isFalse();
        assertThat(Long.parseLong(answer.header("X-Kontor-Position"))).isEqualTo(body.get("head").asLong());
    }

    @Test
    void onlyAuditorsMayVerify() {
        assertThat(Http.as("accountant").get(apps.queryUrl + "/api/audit/verify").status()).isEqualTo(403);
        assertThat(Http.anonymous().get(apps.queryUrl + "/api/audit/verify").status()).isEqualTo(401);
    }

    @Test
    void anEventAlteredDirectlyInMongoDbIsNamedByItsPosition() {
        post("2034-05-03", "11.00");
        MongoDatabase database = apps.query.getBean(MongoDatabase.class);
        MongoCollection<BsonDocument> commits = database.getCollection(LogSchema.COMMITS, BsonDocument.class);
        BsonDocument original = commits.find(Filters.eq(LogSchema.F_ID, 1L)).first();
        assertThat(original).isNotNull();
        int last = original.getInt32(LogSchema.F_COUNT).getValue() - 1;
        try {
            commits.updateOne(Filters.eq(LogSchema.F_ID, 1L),
                    Updates.set(LogSchema.F_EVENTS + "." + last + "." + LogSchema.E_TIMESTAMP, "1999-01-01T00:00:00Z"));

            JsonNode body = Http.as("auditor").get(apps.queryUrl + "/api/audit/verify").json();

            assertThat(body.get("verified").asBoolean()).isFalse();
            assertThat(body.get("firstBrokenPosition").asLong()).isEqualTo(1L + last);
            assertThat(body.get("problem").asText()).isNotBlank();
        } finally {
            // the apps share this database with every other end-to-end test
            commits.replaceOne(Filters.eq(LogSchema.F_ID, 1L), original);
        }
        assertThat(Http.as("auditor").get(apps.queryUrl + "/api/audit/verify").json().get("verified").asBoolean())
                .isTrue();
    }

    @Test
    void aLedgerLineLeadsToItsEventAndTheEventToItsLedgerLines() {
        JsonNode posted = postEntry("2034-07-15", "77.70");
        long position = posted.get("position").asLong();
        Http.Answer ledgerAnswer = Http.as("auditor").get(apps.queryUrl
                + "/api/accounts/1000/ledger?from=2034-07-15&to=2034-07-15&minPosition=" + position);
        assertThat(ledgerAnswer.status()).as(ledgerAnswer.body()).isEqualTo(200);
        JsonNode line = ledgerAnswer.json().get("lines").get(0);

        JsonNode event = audit("/api/audit/events/" + line.get("position").asLong());
        assertThat(event.get("aggregateId").asText()).isEqualTo(posted.get("id").asText());

        JsonNode lineage = audit("/api/audit/events/" + position + "/ledger-lines");
        assertThat(lineage.get("posts").asBoolean()).isTrue();
        assertThat(lineage.get("date").asText()).isEqualTo("2034-07-15");
        assertThat(lineage.get("lines")).hasSize(2);
        JsonNode debit = lineage.get("lines").get(0);
        assertThat(debit.get("account").asText()).isEqualTo("1000");
        assertThat(debit.get("side").asText()).isEqualTo("DEBIT");
        assertThat(debit.get("amount").asText()).isEqualTo("77.70");
        JsonNode shown = audit(debit.get("ledger").asText()).get("lines");
        assertThat(shown).anySatisfy(l -> {
            assertThat(l.get("position").asLong()).isEqualTo(position);
            assertThat(l.get("amount").asText()).isEqualTo("77.70");
        });

        JsonNode opened = audit("/api/audit/events/1/ledger-lines");
        assertThat(opened.get("posts").asBoolean()).isFalse();
        assertThat(opened.get("lines")).isEmpty();
    }

    @Test
    void aTrialBalanceAsOfAPositionIsTheOneThatWasLiveThen() {
        long first = post("2035-01-10", "100.00");
        Http.Answer live = Http.as("auditor").get(apps.queryUrl + "/api/trial-balance?minPosition=" + first);
        assertThat(live.status()).as(live.body()).isEqualTo(200);
        long then = Long.parseLong(live.header("X-Kontor-Position"));

        long second = post("2035-01-11", "200.00");
        JsonNode now = Http.as("auditor").get(apps.queryUrl + "/api/trial-balance?minPosition=" + second).json();
        Http.Answer past = Http.as("auditor").get(apps.queryUrl + "/api/trial-balance?asOfPosition=" + then);

        assertThat(past.status()).as(past.body()).isEqualTo(200);
        assertThat(past.header("X-Kontor-Position")).isEqualTo(Long.toString(then));
        assertThat(past.json()).isEqualTo(live.json());
        assertThat(past.json()).isNotEqualTo(now);
        assertThat(audit("/api/trial-balance?asOfPosition=" + second)).isEqualTo(now);
        JsonNode cash = audit("/api/accounts/1000/ledger?from=2035-01-10&to=2035-01-11&asOfPosition=" + then);
        assertThat(cash.get("lines")).hasSize(1);
        assertThat(cash.get("lines").get(0).get("position").asLong()).isEqualTo(first);

        assertThat(Http.as("accountant").get(apps.queryUrl + "/api/trial-balance?asOfPosition=" + then).status())
                .isEqualTo(403);
        assertThat(Http.as("auditor").get(apps.queryUrl + "/api/trial-balance?asOfPosition=999999999").status())
                .isEqualTo(400);
    }

    @Test
    void eachViewShowsItsPositionHeadLagAndStatus() {
        long position = post("2035-02-01", "3.00");
        assertThat(Http.as("accountant").get(apps.queryUrl + "/api/trial-balance?minPosition=" + position).status())
                .isEqualTo(200);

        Http.Answer answer = Http.as("auditor").get(apps.queryUrl + "/api/audit/projections");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json()).anySatisfy(view -> {
            assertThat(view.get("name").asText()).isEqualTo("ledger");
            assertThat(view.get("position").asLong()).isGreaterThanOrEqualTo(position);
            assertThat(view.get("head").asLong()).isGreaterThanOrEqualTo(view.get("position").asLong());
            assertThat(view.get("lag").asLong())
                    .isEqualTo(view.get("head").asLong() - view.get("position").asLong());
            assertThat(view.get("status").asText()).isEqualTo("LIVE");
        });
        assertThat(Http.as("admin").get(apps.queryUrl + "/api/audit/projections").status()).isEqualTo(200);
        assertThat(Http.as("accountant").get(apps.queryUrl + "/api/audit/projections").status()).isEqualTo(403);
    }
}
