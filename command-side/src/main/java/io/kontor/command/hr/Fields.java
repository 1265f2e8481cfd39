package io.kontor.command.hr;

import io.kontor.shared.Checks;
import io.kontor.shared.KontorException;
import io.kontor.shared.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The shape checks only HR commands need (the shared ones are {@link Checks}). */
final class Fields {

    /** A monthly salary above this is a typo, not a salary. */
    static final BigDecimal MAX_SALARY = new BigDecimal("10000000.00");

    private Fields() {
    }

    static LocalDate date(LocalDate value, String field) {
        return Checks.required(value, field);
    }

    /** A monthly salary in DKK as JSON gave it: positive, at most two decimals, not absurdly large. */
    static Money salary(BigDecimal value, String field) {
        Checks.required(value, field);
        if (value.stripTrailingZeros().scale() > 2) {
            throw KontorException.invalidField(field, field + " has more than 2 decimals");
        }
        if (value.signum() <= 0) {
            throw KontorException.invalidField(field, field + " must be positive");
        }
        if (value.compareTo(MAX_SALARY) > 0) {
            throw KontorException.invalidField(field, field + " is larger than " + MAX_SALARY.toPlainString());
        }
        return new Money(value, Money.DKK);
    }

    static Money salary(Money value, String field) {
        Checks.required(value, field);
        if (!value.currency().equals(Money.DKK)) {
            throw KontorException.invalidField(field, "salaries are paid in DKK");
        }
        return salary(value.amount(), field);
    }
}
