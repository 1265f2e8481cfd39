package io.kontor.command.ledger;

import io.kontor.events.ledger.JournalEntryPosted;
import io.kontor.events.ledger.JournalEntryReversed;
import io.kontor.events.ledger.JournalLine;
import io.kontor.events.ledger.Side;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import io.kontor.shared.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A manual journal entry. Once posted it is never changed or deleted; it can be reversed once, by a mirror entry
 * that the reversal event carries.
 */
@Aggregate
public class JournalEntry {

    @AggregateIdentifier
    private String entryId;
    private LocalDate date;
    private List<JournalLine> lines;
    private String reversedBy;

    /** Axon rebuilds the entry from its events through this constructor. */
    protected JournalEntry() {
    }

    @CommandHandler
    public JournalEntry(PostJournalEntry command, LedgerDirectory directory) {
        checkPostable(command.date(), command.lines(), directory);
        apply(new JournalEntryPosted(command.entryId(), command.date(), command.description(), command.lines()));
    }

    @CommandHandler
    public void handle(ReverseJournalEntry command, LedgerDirectory directory) {
        if (reversedBy != null) {
            throw new KontorException(ErrorCode.CONFLICT,
                    "journal entry " + entryId + " was already reversed by " + reversedBy,
                    Map.of("rule", "ALREADY_REVERSED", "reversedBy", reversedBy));
        }
        if (command.date().isBefore(date)) {
            throw new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED,
                    "a reversal cannot be dated before the entry it reverses (" + date + ")",
                    Map.of("rule", "REVERSAL_BEFORE_ENTRY", "field", "date"));
        }
        List<JournalLine> mirrored = lines.stream().map(JournalLine::mirrored).toList();
        checkPostable(command.date(), mirrored, directory);
        apply(new JournalEntryReversed(entryId, command.reversalEntryId(), command.date(), command.reason(), mirrored));
    }

    /** The rules every posting obeys: one currency, balanced, known accounts of that currency, an open period. */
    static void checkPostable(LocalDate date, List<JournalLine> lines, LedgerDirectory directory) {
        Currency currency = lines.get(0).amount().currency();
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        for (JournalLine line : lines) {
            if (!line.amount().currency().equals(currency)) {
                throw new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED,
                        "all lines of an entry are in one currency; found " + currency + " and "
                                + line.amount().currency(), Map.of("rule", "MIXED_CURRENCIES", "field", "lines"));
            }
            if (line.side() == Side.DEBIT) {
                debits = debits.add(line.amount().amount());
            } else {
                credits = credits.add(line.amount().amount());
            }
        }
        if (debits.compareTo(credits) != 0) {
            throw new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED,
                    "debits " + new Money(debits, currency) + " do not equal credits " + new Money(credits, currency),
                    Map.of("rule", "UNBALANCED_ENTRY", "field", "lines"));
        }
        for (JournalLine line : lines) {
            LedgerDirectory.AccountInfo account = directory.account(line.account()).orElseThrow(() ->
                    new KontorException(ErrorCode.NOT_FOUND, "no account " + line.account(),
                            Map.of("field", "lines.account", "account", line.account())));
            if (!account.currency().equals(currency)) {
                throw new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED,
                        "account " + account.code() + " is kept in " + account.currency() + ", not " + currency,
                        Map.of("rule", "ACCOUNT_CURRENCY_MISMATCH", "field", "lines.account",
                                "account", account.code()));
            }
        }
        directory.requireOpen(date);
    }

    @EventSourcingHandler
    void on(JournalEntryPosted event) {
        entryId = event.entryId();
        date = event.date();
        lines = event.lines();
    }

    @EventSourcingHandler
    void on(JournalEntryReversed event) {
        reversedBy = event.reversalEntryId();
    }
}
