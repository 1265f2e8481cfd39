package io.kontor.command.ledger;

import io.kontor.events.ledger.AccountOpened;
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

/** A ledger account in the chart of accounts, identified by its code. */
@Aggregate
public class Account {

    @AggregateIdentifier
    private String code;

    /** Axon rebuilds the account from its events, and creates it empty for {@link #open}. */
    protected Account() {
    }

    /**
     * Creating handler. Create-if-missing rather than a constructor so that a second account with a taken code is
     * refused by the account itself as {@code DUPLICATE}, not by the log as a storage conflict.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void open(OpenAccount command) {
        if (code != null) {
            throw new KontorException(ErrorCode.DUPLICATE, "account " + command.code() + " already exists",
                    Map.of("field", "code"));
        }
        apply(new AccountOpened(command.code(), command.name(), command.type(), command.currency()));
    }

    @EventSourcingHandler
    void on(AccountOpened event) {
        code = event.code();
    }
}
