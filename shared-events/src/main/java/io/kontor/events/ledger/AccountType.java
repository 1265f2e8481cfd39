package io.kontor.events.ledger;

/**
 * The five kinds of ledger account. Assets and expenses carry a debit balance; liabilities, equity and revenue a
 * credit balance.
 */
public enum AccountType {
    ASSET(true),
    LIABILITY(false),
    EQUITY(false),
    REVENUE(false),
    EXPENSE(true);

    private final boolean debitNormal;

    AccountType(boolean debitNormal) {
        this.debitNormal = debitNormal;
    }

    /** Whether a debit increases this kind of account's balance. */
    public boolean debitNormal() {
        return debitNormal;
    }
}
