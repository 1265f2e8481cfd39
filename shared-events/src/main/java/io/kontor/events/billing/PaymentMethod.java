package io.kontor.events.billing;

/** How a customer paid: cash into the till, or by card or bank transfer into the bank account. */
public enum PaymentMethod {
    CASH, CARD, BANK
}
