package io.kontor.query.e2e;

import io.kontor.command.common.StreamCachingEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings that BENCHMARKS.md measures, as the apps run them: event handlers without Axon's per-call timers
 * (commands and batches keep theirs), and the command side's event store keeping the aggregates' streams.
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
}
