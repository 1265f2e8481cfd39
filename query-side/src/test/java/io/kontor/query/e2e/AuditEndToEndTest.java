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

/** The auditors' tools through the query app: verification of the hash chain. */
class AuditEndToEndTest {

    private final KontorApps apps = KontorApps.get();

    private long post(String date, String amount) {
        Http.Answer answer = Http.as("accountant").post(apps.commandUrl + "/api/journal-entries", """
                {"date":"%s","description":"audit e2e","lines":[{"account":"1000","debit":"%s"},{"account":"3000","credit":"%s"}]}
                """.formatted(date, amount, amount));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("position").asLong();
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
}
