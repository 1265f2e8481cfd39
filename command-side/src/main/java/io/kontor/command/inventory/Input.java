package io.kontor.command.inventory;

import io.kontor.shared.KontorException;
import io.kontor.shared.Money;

import java.math.BigDecimal;

/** The shape checks only inventory commands need (the shared ones are {@link io.kontor.shared.Checks}). */
final class Input {

    /** Big enough for any stock room, small enough that quantity × unit cost never overflows a long or a report. */
    static final long MAX_QUANTITY = 1_000_000_000L;

    private Input() {
    }

    static long positive(long quantity, String field) {
        if (quantity <= 0) {
            throw KontorException.invalidField(field, field + " must be positive");
        }
        return atMostMax(quantity, field);
    }

    static long notNegative(long quantity, String field) {
        if (quantity < 0) {
            throw KontorException.invalidField(field, field + " must not be negative");
        }
        return atMostMax(quantity, field);
    }

    private static long atMostMax(long quantity, String field) {
        if (quantity > MAX_QUANTITY) {
            throw KontorException.invalidField(field, field + " is larger than " + MAX_QUANTITY);
        }
        return quantity;
    }

    /** A whole quantity from JSON, where 2.5 must be refused rather than silently cut to 2. */
    static long quantity(BigDecimal value, String field) {
        if (value == null) {
            throw KontorException.invalidField(field, field + " is required");
        }
        if (value.stripTrailingZeros().scale() > 0) {
            throw KontorException.invalidField(field, field + " is a whole number of units");
        }
        if (value.abs().compareTo(BigDecimal.valueOf(MAX_QUANTITY)) > 0) {
            throw KontorException.invalidField(field, field + " is larger than " + MAX_QUANTITY);
        }
        return value.longValueExact();
    }

    /** An amount in DKK: at most two decimals, at most 13 digits before the point; the sign is checked by the caller. */
    static Money dkk(BigDecimal value, String field) {
        if (value == null) {
            throw KontorException.invalidField(field, field + " is required");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw KontorException.invalidField(field, field + " has more than 2 decimals");
        }
        if (value.precision() - value.scale() > 13) {
            throw KontorException.invalidField(field, field + " is too large");
        }
        return new Money(value, Money.DKK);
    }
}
