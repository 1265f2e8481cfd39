package io.kontor.command.hr;

import io.kontor.shared.KontorException;
import io.kontor.shared.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** The shape checks HR commands share; each names the field it refuses. */
final class Fields {

    /** Ids stay plain: no path characters, no whitespace. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** A monthly salary above this is a typo, not a salary. */
    static final BigDecimal MAX_SALARY = new BigDecimal("10000000.00");

    private Fields() {
    }

    static String id(String value, String field) {
        if (value == null || value.isBlank()) {
            throw KontorException.invalidField(field, field + " is required");
        }
        if (!ID.matcher(value).matches()) {
            throw KontorException.invalidField(field, field + " is 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return value;
    }

    static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw KontorException.invalidField(field, field + " is required");
        }
        if (value.length() > maxLength) {
            throw KontorException.invalidField(field, field + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    static String optionalText(String value, String field, int maxLength) {
        return value == null || value.isBlank() ? null : text(value, field, maxLength);
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw KontorException.invalidField(field, field + " is required");
        }
        return value;
    }

    static LocalDate date(LocalDate value, String field) {
        return required(value, field);
    }

    /** A monthly salary in DKK as JSON gave it: positive, at most two decimals, not absurdly large. */
    static Money salary(BigDecimal value, String field) {
        required(value, field);
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
        required(value, field);
        if (!value.currency().equals(Money.DKK)) {
            throw KontorException.invalidField(field, "salaries are paid in DKK");
        }
        return salary(value.amount(), field);
    }
}
