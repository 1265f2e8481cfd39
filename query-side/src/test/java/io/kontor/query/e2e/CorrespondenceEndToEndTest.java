package io.kontor.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The front desk's phone messages, enquiries and mail room through both apps: take and deliver messages for an
 * employee, open and answer enquiries with their age, register, deliver and archive mail; every kind of bad input is
 * a problem that appends nothing. Ids start with {@code corr-}: the database is shared with the other tests.
 */
class CorrespondenceEndToEndTest {

    private static final KontorApps apps = KontorApps.get();

    /**
     * An employee who starts in 2099, after any month the other tests run payroll for (a hire may not be dated in a
     * month already paid); transferred and given a raise so that their stream is read from a snapshot (threshold 3).
     * Their department is this test's own, so no other test's department lists show them.
     */
    @BeforeAll
    static void givens() {
        apps.created("hr", "/api/employees",
                "{\"id\":\"corr-anna\",\"name\":\"Anna Post\",\"department\":\"Post room\","
                + "\"role\":\"Clerk\",\"monthlySalary\":\"30000.00\",\"startDate\":\"2099-01-01\"}");
        apps.acted("hr", "/api/employees/corr-anna/transfer", "{\"department\":\"Post room\",\"role\":\"Head clerk\","
                + "\"effective\":\"2099-02-01\"}");
        apps.acted("hr", "/api/employees/corr-anna/salary",
                "{\"monthlySalary\":\"31000.00\",\"effective\":\"2099-02-01\"}");
        apps.acted("hr", "/api/employees/corr-anna/salary",
                "{\"monthlySalary\":\"32000.00\",\"effective\":\"2099-03-01\"}");
        apps.created("frontdesk", "/api/calls",
                "{\"id\":\"corr-bad-call\",\"caller\":\"Ole\",\"forEmployee\":\"corr-anna\","
                + "\"message\":\"Hi\"}");
        apps.acted("frontdesk", "/api/calls/corr-bad-call/delivered", "");
        apps.created("frontdesk", "/api/enquiries", "{\"id\":\"corr-bad-enq\",\"customer\":\"Hansen ApS\","
                + "\"channel\":\"EMAIL\",\"subject\":\"Hours\"}");
        apps.acted("frontdesk", "/api/enquiries/corr-bad-enq/answer", "{\"answer\":\"9 to 17\"}");
        apps.created("frontdesk", "/api/mail",
                "{\"id\":\"corr-bad-letter\",\"sender\":\"SKAT\",\"recipient\":\"Accounts\","
                + "\"kind\":\"LETTER\"}");
        apps.created("frontdesk", "/api/mail",
                "{\"id\":\"corr-bad-parcel\",\"sender\":\"DHL\",\"recipient\":\"Stores\","
                + "\"kind\":\"PARCEL\"}");
        apps.acted("frontdesk", "/api/mail/corr-bad-parcel/delivered", "");
        apps.created("frontdesk", "/api/mail", "{\"id\":\"corr-bad-doc\",\"sender\":\"Landlord\","
                + "\"recipient\":\"Management\",\"kind\":\"DOCUMENT\"}");
        apps.acted("frontdesk", "/api/mail/corr-bad-doc/archive", "{\"retentionYears\":5}");
    }

    /** The front desk's read of its own views, once they have reached {@code minPosition}. */
    private static JsonNode read(String path, long minPosition) {
        return apps.read("frontdesk", path, minPosition);
    }

    /** This test's own entries of a list, by id. */
    private static List<JsonNode> ours(JsonNode list, String prefix) {
        List<JsonNode> mine = new ArrayList<>();
        list.forEach(node -> {
            if (node.get("id").asText().startsWith(prefix)) {
                mine.add(node);
            }
        });
        return mine;
    }

    private static List<String> ids(List<JsonNode> nodes) {
        return nodes.stream().map(node -> node.get("id").asText()).toList();
    }

    @Test
    void messagesAreTakenForAnEmployeeAndDeliveredOnce() {
        Http.Answer first = Http.as("frontdesk").post(apps.commandUrl + "/api/calls", "{\"caller\":\"Karen Lund\","
                + "\"phone\":\"+45 33 12 34 56\",\"forEmployee\":\"corr-anna\",\"message\":\"Call back: the lease\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String firstId = first.json().get("id").asText();
        long second = apps.created("frontdesk", "/api/calls", "{\"id\":\"corr-call-2\",\"caller\":\"Ib Juul\","
                + "\"forEmployee\":\"corr-anna\",\"message\":\"Your parcel is here\"}");

        JsonNode open = read("/api/calls?forEmployee=corr-anna&open=true", second);
        assertThat(open.findValuesAsText("id")).containsExactly(firstId, "corr-call-2");
        assertThat(open.get(0).get("phone").asText()).isEqualTo("+45 33 12 34 56");
        assertThat(open.get(1).get("phone").isNull()).isTrue();
        assertThat(Instant.parse(open.get(0).get("takenAt").asText())).isBeforeOrEqualTo(
                Instant.parse(open.get(1).get("takenAt").asText()));

        long delivered = apps.acted("frontdesk", "/api/calls/" + firstId + "/delivered", "");
        assertThat(read("/api/calls?forEmployee=corr-anna&open=true", delivered).findValuesAsText("id"))
                .containsExactly("corr-call-2");
        JsonNode all = read("/api/calls?forEmployee=corr-anna&open=false", delivered);
        assertThat(all.findValuesAsText("id")).contains("corr-bad-call", firstId, "corr-call-2");
        assertThat(all.findValuesAsText("forEmployee")).containsOnly("corr-anna");
    }

    @Test
    void enquiriesShowTheirAgeUntilAnswered() {
        long opened = apps.created("frontdesk", "/api/enquiries", "{\"id\":\"corr-enq-1\",\"customer\":\"Jens Bo\","
                + "\"channel\":\"walk_in\",\"subject\":\"Parking for visitors\"}");

        JsonNode now = read("/api/enquiries?open=true", opened);
        List<JsonNode> mine = ours(now.get("enquiries"), "corr-enq-");
        assertThat(ids(mine)).containsExactly("corr-enq-1");
        assertThat(mine.get(0).get("channel").asText()).isEqualTo("WALK_IN");
        Instant openedAt = Instant.parse(mine.get(0).get("openedAt").asText());
        Duration age = Duration.between(openedAt, Instant.parse(now.get("asOf").asText()));
        assertThat(mine.get(0).get("age").asText()).isEqualTo(age.toString());
        assertThat(mine.get(0).get("ageSeconds").asLong()).isEqualTo(age.toSeconds());
        JsonNode later = read("/api/enquiries?open=true&asOf=" + openedAt.plusSeconds(5400), opened);
        assertThat(ours(later.get("enquiries"), "corr-enq-").get(0).get("age").asText()).isEqualTo("PT1H30M");

        long answered = apps.acted("frontdesk", "/api/enquiries/corr-enq-1/answer",
                "{\"answer\":\"Behind the house\"}");
        assertThat(ours(read("/api/enquiries?open=true", answered).get("enquiries"), "corr-enq-")).isEmpty();
        List<JsonNode> closed = ours(read("/api/enquiries?open=false", answered).get("enquiries"), "corr-enq-");
        assertThat(ids(closed)).containsExactly("corr-enq-1");
        assertThat(closed.get(0).get("open").asBoolean()).isFalse();
        assertThat(closed.get(0).get("answer").asText()).isEqualTo("Behind the house");
    }

    @Test
    void mailIsRegisteredDeliveredAndArchivedWithItsRetention() {
        apps.created("frontdesk", "/api/mail", "{\"id\":\"corr-mail-letter\",\"sender\":\"Skattestyrelsen\","
                + "\"recipient\":\"Accounts\",\"kind\":\"LETTER\"}");
        apps.created("frontdesk", "/api/mail", "{\"id\":\"corr-mail-doc\",\"sender\":\"Notary\","
                + "\"recipient\":\"Management\",\"kind\":\"document\"}");
        long parcel = apps.created("frontdesk", "/api/mail", "{\"id\":\"corr-mail-parcel\",\"sender\":\"PostNord\","
                + "\"recipient\":\"Stores\",\"kind\":\"PARCEL\"}");
        assertThat(ids(ours(read("/api/mail?status=UNDELIVERED", parcel), "corr-mail-")))
                .containsExactly("corr-mail-letter", "corr-mail-doc", "corr-mail-parcel");

        apps.acted("frontdesk", "/api/mail/corr-mail-letter/delivered", "");
        apps.acted("frontdesk", "/api/mail/corr-mail-parcel/delivered", "");
        apps.acted("frontdesk", "/api/mail/corr-mail-letter/archive", "{\"retentionYears\":5}");
        long archived = apps.acted("frontdesk", "/api/mail/corr-mail-doc/archive", "{\"retentionYears\":30}");

        assertThat(ids(ours(read("/api/mail?status=UNDELIVERED", archived), "corr-mail-"))).isEmpty();
        assertThat(ids(ours(read("/api/mail?status=DELIVERED", archived), "corr-mail-")))
                .containsExactly("corr-mail-parcel");
        List<JsonNode> register = ours(read("/api/mail?status=ARCHIVED", archived), "corr-mail-");
        assertThat(ids(register)).containsExactly("corr-mail-letter", "corr-mail-doc");
        for (JsonNode entry : register) {
            LocalDate archivedOn = LocalDate.parse(entry.get("archivedOn").asText());
            int years = entry.get("retentionYears").asInt();
            assertThat(entry.get("retainUntil").asText()).isEqualTo(archivedOn.getYear() + years + "-12-31");
        }
        assertThat(register.get(0).get("retentionYears").asInt()).isEqualTo(5);
        assertThat(register.get(0).get("deliveredAt").isNull()).isFalse();
        assertThat(register.get(1).get("deliveredAt").isNull()).isTrue();

        Http.Answer badStatus = Http.as("frontdesk").get(apps.queryUrl + "/api/mail?status=LOST");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().get("field").asText()).isEqualTo("status");
        assertThat(Http.as("hr").get(apps.queryUrl + "/api/mail").status()).isEqualTo(403);
    }

    static Stream<Arguments> badRequests() {
        String call = "{\"caller\":%s,\"phone\":%s,\"forEmployee\":%s,\"message\":%s}";
        String mail = "{\"sender\":%s,\"recipient\":\"Accounts\",\"kind\":%s}";
        String longText = "\"" + "x".repeat(4001) + "\"";
        return Stream.of(
                arguments("message for an unknown employee", "frontdesk", "/api/calls",
                        call.formatted("\"Ole\"", "null", "\"corr-nobody\"", "\"Hi\""), 404, "NOT_FOUND",
                        "forEmployee", null),
                arguments("message for nobody", "frontdesk", "/api/calls",
                        call.formatted("\"Ole\"", "null", "null", "\"Hi\""), 400, "VALIDATION_FAILED", "forEmployee",
                        null),
                arguments("message from a blank caller", "frontdesk", "/api/calls",
                        call.formatted("\"  \"", "null", "\"corr-anna\"", "\"Hi\""), 400, "VALIDATION_FAILED",
                        "caller", null),
                arguments("message longer than 2000 characters", "frontdesk", "/api/calls",
                        call.formatted("\"Ole\"", "null", "\"corr-anna\"", longText), 400, "VALIDATION_FAILED",
                        "message", null),
                arguments("message with letters in the phone number", "frontdesk", "/api/calls",
                        call.formatted("\"Ole\"", "\"call me maybe\"", "\"corr-anna\"", "\"Hi\""), 400,
                        "VALIDATION_FAILED", "phone", null),
                arguments("message with a taken id", "frontdesk", "/api/calls",
                        "{\"id\":\"corr-bad-call\"," + call.formatted("\"Ole\"", "null", "\"corr-anna\"", "\"Hi\"")
                                .substring(1), 409, "DUPLICATE", "id", null),
                arguments("message taken by HR", "hr", "/api/calls",
                        call.formatted("\"Ole\"", "null", "\"corr-anna\"", "\"Hi\""), 403, "FORBIDDEN", null, null),
                arguments("delivery of an unknown call", "frontdesk", "/api/calls/corr-no-call/delivered", "", 404,
                        "NOT_FOUND", "id", null),
                arguments("second delivery of a message", "frontdesk", "/api/calls/corr-bad-call/delivered", "", 409,
                        "CONFLICT", null, "ALREADY_DELIVERED"),
                arguments("enquiry by carrier pigeon", "frontdesk", "/api/enquiries",
                        "{\"customer\":\"C\",\"channel\":\"PIGEON\",\"subject\":\"S\"}", 400, "VALIDATION_FAILED",
                        "channel", null),
                arguments("enquiry without a subject", "frontdesk", "/api/enquiries",
                        "{\"customer\":\"C\",\"channel\":\"WEB\",\"subject\":\"\"}", 400, "VALIDATION_FAILED",
                        "subject", null),
                arguments("answer to an unknown enquiry", "frontdesk", "/api/enquiries/corr-no-enq/answer",
                        "{\"answer\":\"Yes\"}", 404, "NOT_FOUND", "id", null),
                arguments("second answer to an enquiry", "frontdesk", "/api/enquiries/corr-bad-enq/answer",
                        "{\"answer\":\"Yes\"}", 409, "CONFLICT", null, "ALREADY_ANSWERED"),
                arguments("blank answer", "frontdesk", "/api/enquiries/corr-bad-enq/answer", "{\"answer\":\" \"}",
                        400, "VALIDATION_FAILED", "answer", null),
                arguments("answer longer than 4000 characters", "frontdesk", "/api/enquiries/corr-bad-enq/answer",
                        "{\"answer\":" + longText + "}", 400, "VALIDATION_FAILED", "answer", null),
                arguments("mail of an unknown kind", "frontdesk", "/api/mail", mail.formatted("\"SKAT\"", "\"FAX\""),
                        400, "VALIDATION_FAILED", "kind", null),
                arguments("mail without a kind", "frontdesk", "/api/mail", mail.formatted("\"SKAT\"", "null"),
                        400, "VALIDATION_FAILED", "kind", null),
                arguments("mail from a sender longer than 200 characters", "frontdesk", "/api/mail",
                        mail.formatted("\"" + "s".repeat(201) + "\"", "\"LETTER\""), 400, "VALIDATION_FAILED",
                        "sender", null),
                arguments("delivery of unknown mail", "frontdesk", "/api/mail/corr-no-mail/delivered", "", 404,
                        "NOT_FOUND", "id", null),
                arguments("second delivery of mail", "frontdesk", "/api/mail/corr-bad-parcel/delivered", "", 409,
                        "CONFLICT", null, "ALREADY_DELIVERED"),
                arguments("delivery of archived mail", "frontdesk", "/api/mail/corr-bad-doc/delivered", "", 409,
                        "CONFLICT", null, "ALREADY_ARCHIVED"),
                arguments("archive for no years", "frontdesk", "/api/mail/corr-bad-letter/archive",
                        "{\"retentionYears\":0}", 400, "VALIDATION_FAILED", "retentionYears", null),
                arguments("archive for 31 years", "frontdesk", "/api/mail/corr-bad-letter/archive",
                        "{\"retentionYears\":31}", 400, "VALIDATION_FAILED", "retentionYears", null),
                arguments("archive without a retention", "frontdesk", "/api/mail/corr-bad-letter/archive", "{}", 400,
                        "VALIDATION_FAILED", "retentionYears", null),
                arguments("archive of an undelivered letter", "frontdesk", "/api/mail/corr-bad-letter/archive",
                        "{\"retentionYears\":5}", 422, "BUSINESS_RULE_VIOLATED", null, "NOT_DELIVERED"),
                arguments("archive of a parcel", "frontdesk", "/api/mail/corr-bad-parcel/archive",
                        "{\"retentionYears\":5}", 422, "BUSINESS_RULE_VIOLATED", null, "PARCEL_NOT_ARCHIVED"),
                arguments("second archive", "frontdesk", "/api/mail/corr-bad-doc/archive", "{\"retentionYears\":5}",
                        409, "CONFLICT", null, "ALREADY_ARCHIVED"),
                arguments("archive of unknown mail", "frontdesk", "/api/mail/corr-no-mail/archive",
                        "{\"retentionYears\":5}", 404, "NOT_FOUND", "id", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefusedAsAProblemAndAppendsNothing(String label, String user, String path, String body, int status,
                                              String code, String field, String rule) {
        apps.assertRefused(label, user, path, body, status, code, field, rule);
    }
}
