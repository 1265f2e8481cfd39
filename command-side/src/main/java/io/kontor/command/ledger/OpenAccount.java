package io.kontor.command.ledger;

import io.kontor.events.ledger.AccountType;
import io.kontor.shared.KontorException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Currency;
import java.util.regex.Pattern;

/** Open a ledger account in the chart of accounts; its four-digit code is its id. */
public record OpenAccount(@TargetAggregateIdentifier String code, String name, AccountType type, Currency currency) {

    private static final Pattern CODE = Pattern.compile("\\d{4}");
    static final int MAX_NAME_LENGTH = 100;

    public OpenAccount {
        if (code == null || code.isBlank()) {
            throw KontorException.invalidField("code", "code is required");
        }
        if (!CODE.matcher(code).matches()) {
            throw KontorException.invalidField("code", "code must be exactly four digits");
        }
        if (name == null || name.isBlank()) {
            throw KontorException.invalidField("name", "name is required");
        }
        name = name.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw KontorException.invalidField("name", "name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (type == null) {
            throw KontorException.invalidField("type", "type is required");
        }
        if (currency == null) {
            throw KontorException.invalidField("currency", "currency is required");
        }
    }
}
