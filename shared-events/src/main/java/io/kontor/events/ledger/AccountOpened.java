package io.kontor.events.ledger;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.axonframework.serialization.Revision;

import java.util.Currency;
import java.util.Objects;

/**
 * A ledger account was opened in the chart of accounts. The account code is the aggregate id.
 * <p>
 * Revision 2 stores the account's type as {@code accountType} (revision 1: {@code type}, read through
 * {@link AccountOpenedUpcaster}).
 */
@Revision("2")
public record AccountOpened(String code, String name, @JsonProperty("accountType") AccountType type,
                            Currency currency) {

    public AccountOpened {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(currency, "currency");
    }
}
