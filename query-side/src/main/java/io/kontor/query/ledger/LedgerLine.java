package io.kontor.query.ledger;

import io.kontor.events.ledger.Side;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of an account's ledger, with the event that caused it. Lines are keyed by account, day and their index
 * within that day, so an account's ledger for a date range is read by key.
 */
record LedgerLine(String id, String account, LocalDate date, int indexInDay, Side side, BigDecimal amount,
                  String currency, long position, String eventType, String reference, String description) {

    static String id(String account, LocalDate date, int indexInDay) {
        return idPrefix(account, date) + indexInDay;
    }

    /** What the ids of an account's lines on {@code date} start with: the id is this and the index in the day. */
    static String idPrefix(String account, LocalDate date) {
        return account + "|" + date + "|";
    }

    /** The line's effect on a debit-minus-credit balance. */
    BigDecimal signedAmount() {
        return side == Side.DEBIT ? amount : amount.negate();
    }
}
