package io.kontor.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.kontor.query.e2e.FrontDeskEndToEndTest.acted;
import static io.kontor.query.e2e.FrontDeskEndToEndTest.created;
import static io.kontor.query.e2e.FrontDeskEndToEndTest.reservation;
import static io.kontor.query.e2e.FrontDeskEndToEndTest.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The front desk's live screens read as a browser's EventSource would: a snapshot message first, then one change
 * message per check-in, check-out or booking, each carrying the log position the command answered.
 */
class LiveScreensEndToEndTest {

    private static final KontorApps apps = KontorApps.get();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** One server-sent event. */
    record Message(String name, long id, JsonNode data) {
    }

    /** A stream being read line by line on the HTTP client's threads, its messages collected as they complete. */
    static final class Screen implements AutoCloseable {
        final List<Message> messages = new CopyOnWriteArrayList<>();
        final HttpResponse<Stream<String>> response;
        private String name;
        private long id;
        private final StringBuilder data = new StringBuilder();
        private final Thread reader;

        Screen(String path, String user) throws Exception {
            String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create(apps.queryUrl + path))
                    .header("Authorization", "Basic " + basic).header("Accept", "text/event-stream").GET().build();
            response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            reader = new Thread(() -> {
                try {
                    response.body().forEach(this::line);
                } catch (UncheckedIOException closed) {
                    // The test closed the stream.
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        private void line(String line) {
            if (line.isEmpty()) {
                if (name != null) {
                    try {
                        messages.add(new Message(name, id, JSON.readTree(data.toString())));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                name = null;
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("id:")) {
                id = Long.parseLong(line.substring(3).strip());
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5));
            }
        }

        Optional<Message> change(String kind, String itemId) {
            return messages.stream().filter(m -> m.name().equals("change"))
                    .filter(m -> m.data().get("kind").asText().equals(kind))
                    .filter(m -> m.data().get("item").get("id").asText().equals(itemId)).findFirst();
        }

        @Override
        public void close() {
            response.body().close();
            reader.interrupt();
        }
    }

    @Test
    void theOnSiteScreenStartsWithTheListAndThenShowsEachArrivalAndDepartureAtItsPosition() throws Exception {
        created("hr", "/api/employees", "{\"id\":\"live-host\",\"name\":\"Liv Holm\",\"department\":\"Sales\","
                + "\"role\":\"Manager\",\"monthlySalary\":\"40000.00\",\"startDate\":\"2090-01-01\"}");
        long before = created("frontdesk", "/api/visitors", visitor("live-early", "Early Guest", "live-host"));
        try (Screen screen = new Screen("/api/visitors/on-site/stream?minPosition=" + before, "frontdesk")) {
            assertThat(screen.response.statusCode()).isEqualTo(200);
            assertThat(screen.response.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("text/event-stream");
            await().atMost(WAIT).until(() -> !screen.messages.isEmpty());
            Message snapshot = screen.messages.get(0);
            assertThat(snapshot.name()).isEqualTo("snapshot");
            assertThat(snapshot.data().get("position").asLong()).isGreaterThanOrEqualTo(before);
            assertThat(snapshot.data().get("items").findValuesAsText("id")).contains("live-early");

            long arrived = created("frontdesk", "/api/visitors", visitor("live-ole", "Ole Live", "live-host"));
            Message arrival = await().atMost(WAIT).until(() -> screen.change("ARRIVED", "live-ole"),
                    Optional::isPresent).orElseThrow();
            assertThat(arrival.id()).isEqualTo(arrived);
            assertThat(arrival.data().get("position").asLong()).isEqualTo(arrived);
            assertThat(arrival.data().get("item").get("hostName").asText()).isEqualTo("Liv Holm");

            long left = acted("frontdesk", "/api/visitors/live-ole/check-out");
            Message departure = await().atMost(WAIT).until(() -> screen.change("LEFT", "live-ole"),
                    Optional::isPresent).orElseThrow();
            assertThat(departure.data().get("position").asLong()).isEqualTo(left);
            // What the screen was told is in the view for a client that re-reads.
            Http.Answer reread = Http.as("frontdesk").get(apps.queryUrl + "/api/visitors/on-site");
            assertThat(Long.parseLong(reread.header("X-Kontor-Position"))).isGreaterThanOrEqualTo(left);
            assertThat(reread.json().findValuesAsText("id")).doesNotContain("live-ole");
        }
    }

    @Test
    void todaysReservationsScreenShowsEachChangeOfToday() throws Exception {
        created("admin", "/api/resources", "{\"id\":\"live-room\",\"name\":\"Live room\",\"kind\":\"ROOM\"}");
        try (Screen screen = new Screen("/api/reservations/today/stream", "frontdesk")) {
            await().atMost(WAIT).until(() -> !screen.messages.isEmpty());
            assertThat(screen.messages.get(0).name()).isEqualTo("snapshot");

            created("frontdesk", "/api/reservations", reservation("live-later", "live-room", "Later",
                    "2031-10-01T08:00:00Z", "2031-10-01T09:00:00Z"));
            Instant now = Instant.now();
            long booked = created("frontdesk", "/api/reservations", reservation("live-now", "live-room", "Now",
                    now.minusSeconds(60).toString(), now.plusSeconds(60).toString()));
            Message reserved = await().atMost(WAIT).until(() -> screen.change("RESERVED", "live-now"),
                    Optional::isPresent).orElseThrow();
            // A booking commits ReservationMade, then files the reservation id; the command answers the last.
            assertThat(reserved.data().get("position").asLong()).isEqualTo(booked - 1);
            assertThat(reserved.data().get("item").get("customer").asText()).isEqualTo("Now");
            // Changes are sent in log order: the booking of another day, made first, was not sent.
            assertThat(screen.change("RESERVED", "live-later")).isEmpty();

            long checkedIn = acted("frontdesk", "/api/reservations/live-now/check-in");
            Message in = await().atMost(WAIT).until(() -> screen.change("CHECKED_IN", "live-now"),
                    Optional::isPresent).orElseThrow();
            assertThat(in.id()).isEqualTo(checkedIn);
        }
        assertThat(Http.as("accountant").get(apps.queryUrl + "/api/reservations/today/stream").status())
                .isEqualTo(403);
    }
}
