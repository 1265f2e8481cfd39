package io.kontor.events.ledger;

import org.axonframework.serialization.Revision;

import java.util.Currency;
import java.util.Objects;

/**
 * A ledger account was opened in the chart of accounts. The account code is the aggregate id.
 */
@Revision("1")
public record AccountOpened(String code, String name, AccountType type, Currency currency) {

    public AccountOpened {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(currency, "currency");
    }
}
