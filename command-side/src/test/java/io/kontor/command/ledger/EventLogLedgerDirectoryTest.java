package io.kontor.command.ledger;

import io.kontor.events.ledger.PeriodClosed;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

class EventLogLedgerDirectoryTest {

    private final InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
    private final EventLogLedgerDirectory directory =
            new EventLogLedgerDirectory(EmbeddedEventStore.builder().storageEngine(engine).build());

    @Test
    void aClosedMonthStaysClosedWhenItsStreamHasASnapshot() {
        engine.appendEvents(new GenericDomainEventMessage<>("FiscalPeriod", "2031-01", 0, new PeriodClosed("2031-01")));
        engine.storeSnapshot(new GenericDomainEventMessage<>("FiscalPeriod", "2031-01", 0, "snapshot of the period"));

        // The directory reads the stream's first event, not its snapshot (which would hide the PeriodClosed).
        assertThat(directory.isClosed(YearMonth.of(2031, 1))).isTrue();
        assertThat(directory.isClosed(YearMonth.of(2031, 2))).isFalse();
    }
}
