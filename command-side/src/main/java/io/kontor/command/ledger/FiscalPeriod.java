package io.kontor.command.ledger;

import io.kontor.events.ledger.PeriodClosed;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An accounting month. It appears in the log only when it is closed: an open month needs no event.
 */
@Aggregate
public class FiscalPeriod {

    @AggregateIdentifier
    private String period;
    private boolean closed;

    /** Axon rebuilds the period from its events through this constructor. */
    protected FiscalPeriod() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ClosePeriod command) {
        if (closed) {
            throw new KontorException(ErrorCode.CONFLICT, "period " + period + " is already closed",
                    Map.of("rule", "PERIOD_ALREADY_CLOSED", "period", period));
        }
        apply(new PeriodClosed(command.period()));
    }

    @EventSourcingHandler
    void on(PeriodClosed event) {
        period = event.period();
        closed = true;
    }
}
