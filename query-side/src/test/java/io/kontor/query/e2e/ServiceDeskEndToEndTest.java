package io.kontor.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * IT support tickets through both apps: a user opens one, IT support assigns, comments, resolves and reopens it, the
 * reporter comments and sees only their own; anyone else is refused; the service levels show the open ticket.
 */
class ServiceDeskEndToEndTest {

    private static final KontorApps apps = KontorApps.get();

    private static String ticket(String id, String priority) {
        return """
                {"id":"%s","category":"HARDWARE","priority":"%s","title":"Printer jams","description":"Every page, \\"always\\""}"""
                .formatted(id, priority);
    }

    private static long post(String user, String path, String body, int status) {
        return apps.command(user, path, body, status);
    }

    private static JsonNode read(String user, String path, long minPosition) {
        return apps.read(user, path, minPosition);
    }

    @Test
    void aTicketIsOpenedAssignedCommentedResolvedAndReopenedAndEachSeesWhatTheyMay() {
        post("frontdesk", "/api/tickets", ticket("sd-1", "P1"), 201);
        post("hr", "/api/tickets", ticket("sd-2", "P4"), 201);
        post("itsupport", "/api/tickets/sd-1/assignment", "{\"assignee\":\"itsupport\"}", 200);
        post("frontdesk", "/api/tickets/sd-1/comments", "{\"text\":\"still jams\"}", 201);
        long resolved = post("itsupport", "/api/tickets/sd-1/resolution", "{\"resolution\":\"new drum\"}", 200);

        JsonNode mine = read("frontdesk", "/api/tickets", resolved);
        assertThat(mine.findValuesAsText("id")).contains("sd-1").doesNotContain("sd-2");
        assertThat(mine.findValuesAsText("reporter")).containsOnly("frontdesk");
        JsonNode all = read("itsupport", "/api/tickets?status=resolved", resolved);
        assertThat(all.findValuesAsText("id")).contains("sd-1").doesNotContain("sd-2");
        assertThat(read("itsupport", "/api/tickets?priority=P4&status=OPEN", resolved).findValuesAsText("id"))
                .contains("sd-2").doesNotContain("sd-1");
        JsonNode one = read("frontdesk", "/api/tickets/sd-1", resolved);
        assertThat(one.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(one.get("assignee").asText()).isEqualTo("itsupport");
        assertThat(one.get("comments").findValuesAsText("author")).containsExactly("frontdesk");
        assertThat(one.get("firstResponseAt").asText()).isNotEmpty();
        assertThat(Http.as("hr").get(apps.queryUrl + "/api/tickets/sd-1?minPosition=" + resolved).status())
                .isEqualTo(403);

        long reopened = post("itsupport", "/api/tickets/sd-1/reopening", "{\"reason\":\"jams again\"}", 200);
        JsonNode levels = read("itsupport", "/api/tickets/sla", reopened);
        JsonNode p1 = levels.get("priorities").get(0);
        assertThat(p1.get("priority").asText()).isEqualTo("P1");
        assertThat(p1.get("serviceLevelHours").asInt()).isEqualTo(4);
        assertThat(p1.get("openTickets").findValuesAsText("id")).contains("sd-1");
        String breachAt = read("itsupport", "/api/tickets/sd-1", reopened).get("breachAt").asText();
        JsonNode later = read("itsupport", "/api/tickets/sla?at=" + Instant.parse(breachAt).plusSeconds(1),
                reopened);
        assertThat(later.get("breached").findValuesAsText("id")).contains("sd-1");
        assertThat(Http.as("frontdesk").get(apps.queryUrl + "/api/tickets/sla").status()).isEqualTo(403);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                arguments("unknown priority", "frontdesk", "/api/tickets",
                        ticket("sd-bad", "P9"), 400, "VALIDATION_FAILED", "priority", null),
                arguments("unknown category", "frontdesk", "/api/tickets",
                        ticket("sd-bad", "P1").replace("HARDWARE", "FURNITURE"), 400, "VALIDATION_FAILED", "category", null),
                arguments("no title", "frontdesk", "/api/tickets",
                        ticket("sd-bad", "P1").replace("Printer jams", " "), 400, "VALIDATION_FAILED", "title", null),
                arguments("taken id", "hr", "/api/tickets", ticket("sd-given", "P2"), 409, "DUPLICATE", "id", null),
                arguments("someone else's comment", "hr", "/api/tickets/sd-given/comments", "{\"text\":\"me too\"}",
                        403, "FORBIDDEN", null, null),
                arguments("the reporter assigns", "frontdesk", "/api/tickets/sd-given/assignment",
                        "{\"assignee\":\"frontdesk\"}", 403, "FORBIDDEN", null, null),
                arguments("someone else resolves", "hr", "/api/tickets/sd-given/resolution",
                        "{\"resolution\":\"x\"}", 403, "FORBIDDEN", null, null),
                arguments("reopening an open ticket", "itsupport", "/api/tickets/sd-given/reopening",
                        "{\"reason\":\"x\"}", 409, "CONFLICT", null, "NOT_RESOLVED"),
                arguments("resolving a resolved ticket", "itsupport", "/api/tickets/sd-done/resolution",
                        "{\"resolution\":\"again\"}", 409, "CONFLICT", null, "ALREADY_RESOLVED"),
                arguments("unknown ticket", "itsupport", "/api/tickets/sd-nope/resolution",
                        "{\"resolution\":\"x\"}", 404, "NOT_FOUND", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void isRefusedAsAProblemAndAppendsNothing(String label, String user, String path, String body, int status,
                                              String code, String field, String rule) {
        apps.assertRefused(label, user, path, body, status, code, field, rule);
    }

    /** What the refusals act on: an open ticket and a resolved one, both frontdesk's. */
    @BeforeAll
    static void givens() {
        for (String id : List.of("sd-given", "sd-done")) {
            post("frontdesk", "/api/tickets", ticket(id, "P2"), 201);
        }
        post("itsupport", "/api/tickets/sd-done/resolution", "{\"resolution\":\"done\"}", 200);
    }
}
