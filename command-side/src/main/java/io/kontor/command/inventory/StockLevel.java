package io.kontor.command.inventory;

import io.kontor.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An item's stock at the moving weighted average cost: a whole quantity and its value in exact øre. All valuation
 * arithmetic lives here so the value never drifts from what the ledger posts: a movement's value is computed once,
 * posted as is, and added to or taken from {@code value} exactly. Rounding (half-even, to øre) happens only where a
 * quantity meets the average: an issue or count loss of {@code n} of {@code quantity} is worth
 * {@code round(value × n / quantity)}, which for all remaining stock is exactly {@code value}, so nothing is left
 * behind in account 1200 when an item runs out, and never more than {@code value} is taken.
 *
 * @param lastUnitCost the unit cost of the last receipt: the value of a count gain when nothing is on hand
 */
public record StockLevel(long quantity, Money value, Money lastUnitCost) {

    public static final StockLevel NONE = new StockLevel(0, Money.zero(Money.DKK), Money.zero(Money.DKK));

    public StockLevel {
        if (quantity < 0 || value.isNegative() || (quantity == 0 && !value.isZero())) {
            throw new IllegalStateException("impossible stock: " + quantity + " worth " + value);
        }
    }

    /** After receiving {@code received} units at {@code unitCost} each; their cost is exact, no rounding. */
    public StockLevel receive(long received, Money unitCost) {
        return new StockLevel(quantity + received, value.plus(cost(received, unitCost)), unitCost);
    }

    /** What {@code received} units at {@code unitCost} cost: exact, as unit costs are whole øre. */
    public static Money cost(long received, Money unitCost) {
        return new Money(unitCost.amount().multiply(BigDecimal.valueOf(received)), unitCost.currency());
    }

    /** The value of {@code taken} of the units on hand; exactly {@link #value} when it takes them all. */
    public Money valueOf(long taken) {
        if (taken < 0 || taken > quantity) {
            throw new IllegalArgumentException("cannot take " + taken + " of " + quantity);
        }
        if (taken == quantity) {
            return value;
        }
        return Money.rounded(value.amount().multiply(BigDecimal.valueOf(taken))
                .divide(BigDecimal.valueOf(quantity), 2, RoundingMode.HALF_EVEN), value.currency());
    }

    /** After taking {@code taken} units out at the average: value less exactly what {@link #valueOf} says. */
    public StockLevel take(long taken) {
        return new StockLevel(quantity - taken, value.minus(valueOf(taken)), lastUnitCost);
    }

    /** The moving average cost rounded to øre, for reading; the last receipt's unit cost when nothing is on hand. */
    public Money averageCost() {
        if (quantity == 0) {
            return lastUnitCost;
        }
        return Money.rounded(value.amount().divide(BigDecimal.valueOf(quantity), 2, RoundingMode.HALF_EVEN),
                value.currency());
    }

    /**
     * The signed value of a count that found {@code counted} units: a loss is taken out at the average like an
     * issue; a gain comes in at the average (or, with nothing on hand, at the last receipt's unit cost).
     */
    public Money countDifference(long counted) {
        long difference = counted - quantity;
        if (difference <= 0) {
            return valueOf(-difference).negate();
        }
        if (quantity == 0) {
            return cost(difference, lastUnitCost);
        }
        return Money.rounded(value.amount().multiply(BigDecimal.valueOf(difference))
                .divide(BigDecimal.valueOf(quantity), 2, RoundingMode.HALF_EVEN), value.currency());
    }

    /** After a count that found {@code counted} units, its value changed by exactly {@link #countDifference}. */
    public StockLevel count(long counted) {
        return new StockLevel(counted, value.plus(countDifference(counted)), lastUnitCost);
    }
}
