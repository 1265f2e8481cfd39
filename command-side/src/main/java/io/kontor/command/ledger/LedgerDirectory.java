package io.kontor.command.ledger;

import io.kontor.events.ledger.AccountType;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;

/**
 * What a posting needs to know beyond its own aggregate: which accounts exist (and in which currency) and which
 * months are closed. Kept by the command side from the log itself; injected into command handlers.
 */
public interface LedgerDirectory {

    Optional<AccountInfo> account(String code);

    boolean isClosed(YearMonth period);

    /** Refuses (422 {@code PERIOD_CLOSED}) anything dated in a closed month. */
    default void requireOpen(LocalDate date) {
        YearMonth period = YearMonth.from(date);
        if (isClosed(period)) {
            throw new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED, "period " + period + " is closed",
                    Map.of("rule", "PERIOD_CLOSED", "field", "date", "period", period.toString()));
        }
    }

    /** The facts about an account that postings check. */
    record AccountInfo(String code, AccountType type, Currency currency) {
    }
}
