package io.kontor.command.ledger;

import io.kontor.events.ledger.AccountType;

import java.time.YearMonth;
import java.util.Currency;
import java.util.Optional;

/**
 * What a posting needs to know beyond its own aggregate: which accounts exist (and in which currency) and which
 * months are closed. Kept by the command side from the log itself; injected into command handlers.
 */
public interface LedgerDirectory {

    Optional<AccountInfo> account(String code);

    boolean isClosed(YearMonth period);

    /** The facts about an account that postings check. */
    record AccountInfo(String code, AccountType type, Currency currency) {
    }
}
