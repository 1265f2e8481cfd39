package io.kontor.command.ledger;

import io.kontor.events.ledger.AccountOpened;
import io.kontor.events.ledger.PeriodClosed;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers from the event log itself: an account exists once its {@link AccountOpened} is in the log, a month is
 * closed once its {@link PeriodClosed} is. Both read one aggregate's stream, which the event log serves by key at
 * the same cost however large it grows, and both facts are permanent (an account's currency never changes, a
 * closed month never reopens), so once seen they are remembered; an absence is always asked again, because another
 * command-side process may have changed it since.
 */
@Component
public class EventLogLedgerDirectory implements LedgerDirectory {

    private final EventStore eventStore;
    private final Map<String, AccountInfo> accounts = new ConcurrentHashMap<>();
    private final Set<YearMonth> closed = ConcurrentHashMap.newKeySet();

    public EventLogLedgerDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<AccountInfo> account(String code) {
        AccountInfo known = accounts.get(code);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<AccountInfo> found = firstEvent(code)
                .filter(AccountOpened.class::isInstance)
                .map(AccountOpened.class::cast)
                .map(opened -> new AccountInfo(opened.code(), opened.type(), opened.currency()));
        found.ifPresent(info -> accounts.put(code, info));
        return found;
    }

    @Override
    public boolean isClosed(YearMonth period) {
        if (closed.contains(period)) {
            return true;
        }
        boolean nowClosed = firstEvent(period.toString()).filter(PeriodClosed.class::isInstance).isPresent();
        if (nowClosed) {
            closed.add(period);
        }
        return nowClosed;
    }

    /** The stream's first event itself, never a snapshot (and no snapshot lookup, a round trip per posting). */
    private Optional<Object> firstEvent(String aggregateId) {
        return eventStore.readEvents(aggregateId, 0).asStream().findFirst().map(DomainEventMessage::getPayload);
    }
}
