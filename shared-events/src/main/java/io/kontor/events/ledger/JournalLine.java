package io.kontor.events.ledger;

import io.kontor.shared.KontorException;
import io.kontor.shared.Money;

import java.util.Objects;

/**
 * One line of a journal entry: a positive amount on the debit or the credit side of one account.
 */
public record JournalLine(String account, Side side, Money amount) {

    public JournalLine {
        if (account == null || account.isBlank()) {
            throw KontorException.invalidField("lines.account", "every line names an account");
        }
        Objects.requireNonNull(side, "side");
        if (amount == null || !amount.isPositive()) {
            throw KontorException.invalidField("lines.amount", "every line has a positive debit or credit amount");
        }
    }

    public static JournalLine debit(String account, Money amount) {
        return new JournalLine(account, Side.DEBIT, amount);
    }

    public static JournalLine credit(String account, Money amount) {
        return new JournalLine(account, Side.CREDIT, amount);
    }

    /** The same amount on the other side: the line a reversal posts. */
    public JournalLine mirrored() {
        return new JournalLine(account, side.opposite(), amount);
    }
}
