package io.kontor.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of one currency, at exactly the currency's scale (two decimals for DKK and EUR). Never a double.
 * Construction refuses amounts with more decimals than the currency allows instead of rounding them away;
 * {@link #rounded(BigDecimal, Currency)} is the one place that rounds (half-even, as the posting rules require).
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public static final Currency DKK = Currency.getInstance("DKK");
    /**
     * Digits before the point an amount may have. Far above any real amount or total, within what MongoDB's
     * Decimal128 stores exactly, and checked before scaling: {@code 1e999999999} must not build a billion-digit number.
     */
    public static final int MAX_INTEGER_DIGITS = 20;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int scale = currency.getDefaultFractionDigits();
        if (amount.signum() != 0 && (long) amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw KontorException.invalidField("amount",
                    "amount has more than " + MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
        if (amount.stripTrailingZeros().scale() > scale) {
            throw KontorException.invalidField("amount",
                    "amount has more than " + scale + " decimals for " + currency);
        }
        amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currency));
    }

    public static Money dkk(String amount) {
        return new Money(new BigDecimal(amount), DKK);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Rounds half-even to the currency's scale: the rounding of every posting rule. */
    public static Money rounded(BigDecimal amount, Currency currency) {
        return new Money(amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_EVEN), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
