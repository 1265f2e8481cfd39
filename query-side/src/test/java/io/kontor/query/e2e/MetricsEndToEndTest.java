package io.kontor.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both apps expose what the Grafana dashboard draws on {@code /actuator/prometheus}: commands (Axon's counts and
 * timings per command, Kontor's failures by error code), the event log's appends and head, each projection's
 * position, lag and rate, and rebuild progress; and every meter the dashboard in {@code docker/grafana} queries is
 * one of them.
 */
class MetricsEndToEndTest {

    private static final String ENTRY = """
            {"date":"2043-02-03","description":"metrics","lines":[{"account":"1000","debit":"10.00"},{"account":"3000","credit":"10.00"}]}
            """;

    private final KontorApps apps = KontorApps.get();

    @Test
    void bothAppsExposeTheDashboardsMeters() {
        String entry = ENTRY;
        Http.Answer posted = Http.as("accountant").post(apps.commandUrl + "/api/journal-entries", entry);
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        long position = posted.json().get("position").asLong();
        Http.Answer refused = Http.as("accountant").post(apps.commandUrl + "/api/journal-entries",
                entry.replace("\"credit\":\"10.00\"", "\"credit\":\"9.00\""));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(Http.as("accountant").get(apps.queryUrl + "/api/trial-balance?minPosition=" + position).status())
                .isEqualTo(200);

        String command = Http.anonymous().get(apps.commandUrl + "/actuator/prometheus").body();
        assertThat(command).contains(
                "commandBus_successCounter_total{",
                "commandBus_allTimer_seconds_count{",
                "commandBus_allTimer_seconds{",
                "kontor_command_failures_total{",
                "kontor_eventlog_append_latency_seconds_count",
                "kontor_eventlog_append_batch_size_count",
                "kontor_eventlog_head",
                "kontor_command_stream_cache_events");
        assertThat(command).containsPattern(
                "kontor_command_failures_total\\{[^}]*code=\"BUSINESS_RULE_VIOLATED\"[^}]*command=\"PostJournalEntry\"");

        String query = Http.anonymous().get(apps.queryUrl + "/actuator/prometheus").body();
        assertThat(query).contains(
                "kontor_projection_position{",
                "kontor_projection_lag{",
                "kontor_projection_events_rate{",
                "kontor_projection_rebuild_position{",
                "kontor_projection_rebuild_head{",
                "kontor_projection_rebuild_rate{",
                "kontor_eventlog_head");
        assertThat(query).containsPattern("kontor_projection_lag\\{[^}]*processor=\"ledger\"");
        // Axon's per-message monitors are off on the query side (a timer lookup per event and processor); the
        // projections' own gauges above stand in for them.
        assertThat(query).doesNotContain("eventProcessor");
        assertThat(query).containsPattern("kontor_projection_rebuild_position\\{[^}]*view=\"ledger\"");
    }

    @Test
    void springSecurityObservationsAreOffWhileHttpRequestObservationsStay() {
        for (var context : List.of(apps.command, apps.query)) {
            ObservationRegistry registry = context.getBean(ObservationRegistry.class);
            assertThat(Observation.start("spring.security.filterchains", registry).isNoop()).isTrue();
            assertThat(Observation.start("http.server.requests", registry).isNoop()).isFalse();
        }
    }

    @Test
    void theGrafanaDashboardParsesAndQueriesOnlyMetersTheAppsExpose() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(
                Path.of("..", "docker", "grafana", "kontor-dashboard.json").toFile());
        List<String> meters = new ArrayList<>();
        Pattern meter = Pattern.compile("\\b(?:commandBus|kontor|http_server)_[A-Za-z0-9_]+");
        for (JsonNode target : dashboard.get("panels").findValues("targets")) {
            for (JsonNode query : target) {
                Matcher m = meter.matcher(query.get("expr").asText());
                while (m.find()) {
                    meters.add(m.group());
                }
            }
        }
        assertThat(dashboard.get("panels")).hasSizeGreaterThanOrEqualTo(10);
        assertThat(meters).contains("commandBus_allTimer_seconds_count", "kontor_command_failures_total",
                "kontor_eventlog_append_batch_size_sum", "kontor_eventlog_append_latency_seconds_sum",
                "kontor_eventlog_head", "kontor_projection_lag", "kontor_projection_events_rate",
                "kontor_projection_rebuild_position");

        assertThat(Http.as("accountant").post(apps.commandUrl + "/api/journal-entries", ENTRY).status())
                .isEqualTo(201);
        assertThat(Http.as("accountant").post(apps.commandUrl + "/api/journal-entries",
                ENTRY.replace("\"credit\":\"10.00\"", "\"credit\":\"9.00\"")).status()).isEqualTo(422);
        String exposed = Http.anonymous().get(apps.commandUrl + "/actuator/prometheus").body()
                + Http.anonymous().get(apps.queryUrl + "/actuator/prometheus").body();
        for (String name : meters) {
            assertThat(exposed).as(name).containsPattern("(?m)^" + name + "[{ ]");
        }
    }
}
