package io.kontor.query.e2e;

import io.kontor.command.common.StreamCachingEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.TimeoutProperties;
import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings that BENCHMARKS.md measures, as the apps run them: event handlers without Axon's per-call timers
 * (commands and batches keep theirs), the command side's event store keeping the aggregates' streams, and the
 * command side's request threads: four per core, not Tomcat's 200.
 */
class PerformanceSettingsEndToEndTest {

    private final KontorApps apps = KontorApps.get();

    @Test
    void eventHandlersRunWithoutPerCallTimersWhileCommandsAndBatchesKeepTheirs() {
        for (var context : List.of(apps.command, apps.query)) {
            TimeoutProperties timeouts = context.getBean(TimeoutProperties.class);
            assertThat(timeouts.isEnabled()).isTrue();
            assertThat(timeouts.getHandler().getEvents().getTimeoutMs()).isNegative();
            assertThat(timeouts.getHandler().getEvents().getWarningThresholdMs()).isNegative();
            assertThat(timeouts.getHandler().getCommands().getTimeoutMs()).isPositive();
            assertThat(timeouts.getTransaction().getCommandBus().getTimeoutMs()).isPositive();
            assertThat(timeouts.getTransaction().getEventProcessors().getTimeoutMs()).isPositive();
        }
    }

    @Test
    void theCommandSideKeepsAnAggregatesStreamOnceItIsLoaded() {
        EventStore store = apps.command.getBean(EventStore.class);
        assertThat(store).isInstanceOf(StreamCachingEventStore.class);
        StreamCachingEventStore kept = (StreamCachingEventStore) store;

        apps.created("frontdesk", "/api/tickets", """
                {"id":"perf-1","category":"HARDWARE","priority":"P3","title":"Screen","description":"Flickers"}""");
        long before = kept.keptEvents();
        apps.acted("itsupport", "/api/tickets/perf-1/assignment", "{\"assignee\":\"itsupport\"}");
        // The assignment loaded the ticket: its one event is kept, and the next load reads only what follows it.
        assertThat(kept.keptEvents()).isGreaterThan(before);
        apps.acted("itsupport", "/api/tickets/perf-1/assignment", "{\"assignee\":\"frontdesk\"}");
        assertThat(kept.keptEvents()).isGreaterThan(before + 1);
    }

    @Test
    void theCommandSideAnswersWithFourRequestThreadsPerCore() {
        Connector connector = ((TomcatWebServer) ((ServletWebServerApplicationContext) apps.command).getWebServer())
                .getTomcat().getConnector();
        ThreadPoolExecutor executor = (ThreadPoolExecutor) connector.getProtocolHandler().getExecutor();
        assertThat(executor.getMaximumPoolSize()).isEqualTo(4 * Runtime.getRuntime().availableProcessors());
    }
}
