package io.kontor.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.events.reservations.ReservationMade;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The front desk through both apps: visitors checked in to a host and out, the on-site list and the day's log;
 * resources registered, booked, cancelled, checked in and out, the calendar and occupancy; the same slot booked from
 * several desks at once; every kind of bad input is a problem that appends nothing.
 */
class FrontDeskEndToEndTest {

    private static final KontorApps apps = KontorApps.get();
    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");
    /** Far from every other test's dates: no payroll has been run for it, so the host can be hired then. */
    private static final String HOST_START = "2090-01-01";

    /**
     * A host (hired to start later: on the books, so they may receive visitors), a meeting room with a booking on
     * 2031-03-10 09:00-11:00 UTC, a cancelled one and one checked in, and a visitor already checked out.
     */
    @BeforeAll
    static void givens() {
        created("hr", "/api/employees", "{\"id\":\"fd-host\",\"name\":\"Freja Dahl\",\"department\":\"Sales\","
                + "\"role\":\"Account manager\",\"monthlySalary\":\"40000.00\",\"startDate\":\"" + HOST_START + "\"}");
        created("admin", "/api/resources", "{\"id\":\"fd-room\",\"name\":\"Fjord room\",\"kind\":\"MEETING_ROOM\"}");
        created("frontdesk", "/api/reservations", reservation("fd-booked", "fd-room", "Olsen ApS",
                "2031-03-10T09:00:00Z", "2031-03-10T11:00:00Z"));
        created("frontdesk", "/api/reservations", reservation("fd-cancelled", "fd-room", "Hansen",
                "2031-03-10T12:00:00Z", "2031-03-10T13:00:00Z"));
        acted("frontdesk", "/api/reservations/fd-cancelled/cancel");
        created("frontdesk", "/api/reservations", reservation("fd-in", "fd-room", "Berg",
                "2031-03-10T14:00:00Z", "2031-03-10T15:00:00Z"));
        acted("frontdesk", "/api/reservations/fd-in/check-in");
        created("frontdesk", "/api/visitors", visitor("fd-gone", "Gone Guest", "fd-host"));
        acted("frontdesk", "/api/visitors/fd-gone/check-out");
    }

    static String reservation(String id, String resource, String customer, String from, String to) {
        return "{\"id\":\"%s\",\"resource\":\"%s\",\"customer\":\"%s\",\"from\":\"%s\",\"to\":\"%s\"}"
                .formatted(id, resource, customer, from, to);
    }

    static String visitor(String id, String name, String host) {
        return "{\"id\":\"%s\",\"name\":\"%s\",\"company\":\"Olsen ApS\",\"host\":\"%s\",\"purpose\":\"Contract\"}"
                .formatted(id, name, host);
    }

    static long created(String user, String path, String body) {
        Http.Answer answer = Http.as(user).post(apps.commandUrl + path, body);
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(201);
        return answer.json().get("position").asLong();
    }

    static long acted(String user, String path) {
        Http.Answer answer = Http.as(user).post(apps.commandUrl + path, "");
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
        return answer.json().get("position").asLong();
    }

    static JsonNode read(String path, long minPosition) {
        String separator = path.contains("?") ? "&" : "?";
        Http.Answer answer = Http.as("frontdesk").get(apps.queryUrl + path + separator + "minPosition=" + minPosition);
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void aVisitorIsOnSiteUntilCheckedOutAndStaysInTheDaysLogWithBothTimes() {
        long in = created("frontdesk", "/api/visitors", visitor("fd-ole", "Ole Olsen", "fd-host"));

        JsonNode onSite = read("/api/visitors/on-site", in);
        assertThat(onSite.findValuesAsText("id")).contains("fd-ole").doesNotContain("fd-gone");
        JsonNode ole = find(onSite, "fd-ole");
        assertThat(ole.get("hostName").asText()).isEqualTo("Freja Dahl");
        assertThat(ole.get("checkedOutAt").isNull()).isTrue();

        long out = acted("frontdesk", "/api/visitors/fd-ole/check-out");

        assertThat(read("/api/visitors/on-site", out).findValuesAsText("id")).doesNotContain("fd-ole");
        Instant checkedIn = Instant.parse(ole.get("checkedInAt").asText());
        JsonNode log = read("/api/visitors?date=" + LocalDate.ofInstant(checkedIn, DENMARK), out);
        JsonNode logged = find(log.get("visitors"), "fd-ole");
        assertThat(Instant.parse(logged.get("checkedOutAt").asText())).isAfterOrEqualTo(checkedIn);
        assertThat(logged.get("checkedInAt").asText()).isEqualTo(ole.get("checkedInAt").asText());
        assertThat(Http.as("accountant").get(apps.queryUrl + "/api/visitors/on-site").status()).isEqualTo(403);
    }

    @Test
    void aReservationIsBookedCheckedInAndOutAndTheCalendarAndOccupancyShowIt() {
        created("admin", "/api/resources", "{\"id\":\"fd-desk\",\"name\":\"Desk 7\",\"kind\":\"DESK\"}");
        // 2031-06-02 in Denmark is UTC+2: 08:00-14:00 local.
        created("frontdesk", "/api/reservations", reservation("fd-r1", "fd-desk", "Olsen ApS",
                "2031-06-02T06:00:00Z", "2031-06-02T12:00:00Z"));
        acted("frontdesk", "/api/reservations/fd-r1/check-in");
        long out = acted("frontdesk", "/api/reservations/fd-r1/check-out");
        // Checked out frees the slot.
        long again = created("frontdesk", "/api/reservations", reservation("fd-r2", "fd-desk", "Hansen",
                "2031-06-02T10:00:00Z", "2031-06-02T12:00:00Z"));

        JsonNode calendar = read("/api/reservations?resource=fd-desk&from=2031-06-02&to=2031-06-02", again);
        assertThat(calendar.get("reservations").findValuesAsText("id")).containsExactly("fd-r1", "fd-r2");
        assertThat(calendar.get("reservations").findValuesAsText("status")).containsExactly("CHECKED_OUT", "BOOKED");
        JsonNode occupancy = read("/api/reservations/occupancy?date=2031-06-02", Math.max(out, again));
        JsonNode desk = find(occupancy.get("resources"), "fd-desk", "resource");
        assertThat(desk.get("bookedHours").asText()).isEqualTo("6.00");
        assertThat(desk.get("share").asText()).isEqualTo("0.2500");
        assertThat(occupancy.get("kinds").findValuesAsText("kind")).contains("DESK", "MEETING_ROOM");
    }

    @Test
    void theSameSlotBookedFromSeveralDesksAtOnceIsReservedExactlyOnce() throws Exception {
        created("admin", "/api/resources", "{\"id\":\"fd-race\",\"name\":\"Race room\",\"kind\":\"ROOM\"}");
        int desks = 8;
        ExecutorService pool = Executors.newFixedThreadPool(desks);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < desks; i++) {
            String body = reservation("fd-race-" + i, "fd-race", "Desk " + i, "2031-09-01T08:00:00Z",
                    "2031-09-01T10:00:00Z");
            answers.add(pool.submit(() -> {
                start.await();
                return Http.as("frontdesk").post(apps.commandUrl + "/api/reservations", body);
            }));
        }
        start.countDown();
        List<Http.Answer> done = new ArrayList<>();
        for (Future<Http.Answer> answer : answers) {
            done.add(answer.get());
        }
        pool.shutdown();

        assertThat(done).filteredOn(a -> a.status() == 201).hasSize(1);
        assertThat(done).filteredOn(a -> a.status() != 201).hasSize(desks - 1).allSatisfy(a -> {
            assertThat(a.status()).as(a.body()).isEqualTo(409);
            assertThat(a.header("Content-Type")).startsWith("application/problem+json");
            assertThat(a.json().get("code").asText()).isIn("CONFLICT", "CONCURRENT_MODIFICATION");
        });
        List<Object> made = new ArrayList<>();
        apps.command.getBean(EventStore.class).readEvents("resource:fd-race").asStream()
                .map(m -> m.getPayload()).filter(ReservationMade.class::isInstance).forEach(made::add);
        assertThat(made).hasSize(1);
        String winner = done.stream().filter(a -> a.status() == 201).findFirst().orElseThrow().json().get("id")
                .asText();
        assertThat(((ReservationMade) made.get(0)).reservationId()).isEqualTo(winner);
    }

    private static JsonNode find(JsonNode list, String id) {
        return find(list, id, "id");
    }

    private static JsonNode find(JsonNode list, String id, String field) {
        for (JsonNode node : list) {
            if (id.equals(node.path(field).asText())) {
                return node;
            }
        }
        throw new AssertionError("no " + id + " in " + list);
    }

    static Stream<Arguments> badRequests() {
        String longText = "x".repeat(300);
        return Stream.of(
                arguments("reservation ending before it starts", "frontdesk", "/api/reservations",
                        reservation("fd-bad", "fd-room", "C", "2031-03-11T10:00:00Z", "2031-03-11T09:00:00Z"), 400,
                        "VALIDATION_FAILED", "to", null),
                arguments("reservation ending as it starts", "frontdesk", "/api/reservations",
                        reservation("fd-bad", "fd-room", "C", "2031-03-11T10:00:00Z", "2031-03-11T10:00:00Z"), 400,
                        "VALIDATION_FAILED", "to", null),
                arguments("reservation overlapping an active one", "frontdesk", "/api/reservations",
                        reservation("fd-bad", "fd-room", "C", "2031-03-10T10:30:00Z", "2031-03-10T12:30:00Z"), 409,
                        "CONFLICT", "from", "OVERLAPPING_RESERVATION"),
                arguments("reservation overlapping a checked-in one", "frontdesk", "/api/reservations",
                        reservation("fd-bad", "fd-room", "C", "2031-03-10T14:30:00Z", "2031-03-10T14:45:00Z"), 409,
                        "CONFLICT", "from", "OVERLAPPING_RESERVATION"),
                arguments("reservation of an unknown resource", "frontdesk", "/api/reservations",
                        reservation("fd-bad", "fd-nowhere", "C", "2031-03-11T09:00:00Z", "2031-03-11T10:00:00Z"),
                        404, "NOT_FOUND", "resource", null),
                arguments("reservation with a taken id", "frontdesk", "/api/reservations",
                        reservation("fd-booked", "fd-room", "C", "2031-03-12T09:00:00Z", "2031-03-12T10:00:00Z"),
                        409, "DUPLICATE", "id", null),
                arguments("reservation for a blank customer", "frontdesk", "/api/reservations",
                        reservation("fd-bad", "fd-room", " ", "2031-03-11T09:00:00Z", "2031-03-11T10:00:00Z"), 400,
                        "VALIDATION_FAILED", "customer", null),
                arguments("reservation for an overlong customer", "frontdesk", "/api/reservations",
                        reservation("fd-bad", "fd-room", longText, "2031-03-11T09:00:00Z", "2031-03-11T10:00:00Z"),
                        400, "VALIDATION_FAILED", "customer", null),
                arguments("reservation longer than 31 days", "frontdesk", "/api/reservations",
                        reservation("fd-bad", "fd-room", "C", "2031-04-01T09:00:00Z", "2031-05-09T10:00:00Z"), 400,
                        "VALIDATION_FAILED", "to", null),
                arguments("reservation by an accountant", "accountant", "/api/reservations",
                        reservation("fd-bad", "fd-room", "C", "2031-03-11T09:00:00Z", "2031-03-11T10:00:00Z"), 403,
                        "FORBIDDEN", null, null),
                arguments("resource with a taken id", "admin", "/api/resources",
                        "{\"id\":\"fd-room\",\"name\":\"Other\",\"kind\":\"ROOM\"}", 409, "DUPLICATE", "id", null),
                arguments("resource of an unknown kind", "admin", "/api/resources",
                        "{\"id\":\"fd-new\",\"name\":\"Other\",\"kind\":\"CASTLE\"}", 400, "VALIDATION_FAILED",
                        "kind", null),
                arguments("resource with an overlong name", "admin", "/api/resources",
                        "{\"id\":\"fd-new\",\"name\":\"" + longText + "\",\"kind\":\"ROOM\"}", 400,
                        "VALIDATION_FAILED", "name", null),
                arguments("resource registered by the front desk", "frontdesk", "/api/resources",
                        "{\"id\":\"fd-new\",\"name\":\"Other\",\"kind\":\"ROOM\"}", 403, "FORBIDDEN", null, null),
                arguments("check-in of a checked-in reservation", "frontdesk", "/api/reservations/fd-in/check-in",
                        "", 409, "CONFLICT", null, "ALREADY_CHECKED_IN"),
                arguments("check-out before check-in", "frontdesk", "/api/reservations/fd-booked/check-out", "",
                        422, "BUSINESS_RULE_VIOLATED", null, "NOT_CHECKED_IN"),
                arguments("check-in of a cancelled reservation", "frontdesk",
                        "/api/reservations/fd-cancelled/check-in", "", 422, "BUSINESS_RULE_VIOLATED", null,
                        "RESERVATION_CANCELLED"),
                arguments("second cancellation", "frontdesk", "/api/reservations/fd-cancelled/cancel", "", 409,
                        "CONFLICT", null, "ALREADY_CANCELLED"),
                arguments("cancel of an unknown reservation", "frontdesk", "/api/reservations/fd-nothing/cancel", "",
                        404, "NOT_FOUND", "id", null),
                arguments("visitor for an unknown host", "frontdesk", "/api/visitors",
                        visitor("fd-bad", "Guest", "fd-nobody"), 404, "NOT_FOUND", "host", null),
                arguments("visitor with a blank name", "frontdesk", "/api/visitors",
                        "{\"name\":\"  \",\"host\":\"fd-host\",\"purpose\":\"Meeting\"}", 400, "VALIDATION_FAILED",
                        "name", null),
                arguments("visitor without a host", "frontdesk", "/api/visitors",
                        "{\"name\":\"Guest\",\"purpose\":\"Meeting\"}", 400, "VALIDATION_FAILED", "host", null),
                arguments("visitor with an overlong purpose", "frontdesk", "/api/visitors",
                        "{\"name\":\"Guest\",\"host\":\"fd-host\",\"purpose\":\"" + longText + "\"}", 400,
                        "VALIDATION_FAILED", "purpose", null),
                arguments("visitor with an overlong company", "frontdesk", "/api/visitors",
                        "{\"name\":\"Guest\",\"company\":\"" + longText + "\",\"host\":\"fd-host\","
                                + "\"purpose\":\"Meeting\"}", 400, "VALIDATION_FAILED", "company", null),
                arguments("visitor with a taken id", "frontdesk", "/api/visitors",
                        visitor("fd-gone", "Guest", "fd-host"), 409, "DUPLICATE", "id", null),
                arguments("second check-out of a visitor", "frontdesk", "/api/visitors/fd-gone/check-out", "", 409,
                        "CONFLICT", null, "ALREADY_CHECKED_OUT"),
                arguments("check-out of an unknown visitor", "frontdesk", "/api/visitors/fd-nobody/check-out", "",
                        404, "NOT_FOUND", "id", null),
                arguments("visitor checked in by HR", "hr", "/api/visitors", visitor("fd-bad", "Guest", "fd-host"),
                        403, "FORBIDDEN", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIsAProblemAndAppendsNothing(String label, String user, String path, String body, int status,
                                              String code, String field, String rule) {
        apps.assertRefused(label, user, path, body, status, code, field, rule);
    }
}
