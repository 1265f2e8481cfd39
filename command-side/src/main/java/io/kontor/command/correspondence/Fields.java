package io.kontor.command.correspondence;

import io.kontor.shared.Checks;
import io.kontor.shared.KontorException;
import org.axonframework.eventhandling.GenericEventMessage;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The shape checks and the calendar only front-desk correspondence needs (the shared checks are {@link Checks}). */
final class Fields {

    /** The business's own calendar: "today" at the front desk is today in Denmark. */
    static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Copenhagen");

    /** What people write on a phone pad: digits, spaces, a leading +, dashes and parentheses. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]+");
    static final int MAX_PHONE_LENGTH = 30;
    /** 112 and 1813 are numbers too; E.164 allows at most 15 digits. */
    static final int MIN_PHONE_DIGITS = 3;
    static final int MAX_PHONE_DIGITS = 15;

    private Fields() {
    }

    /**
     * Today on the business's calendar, by the clock Axon stamps events with: the date an event carries agrees with
     * the event's own timestamp, and fixtures control it through their current time.
     */
    static LocalDate today() {
        return LocalDate.ofInstant(GenericEventMessage.clock.instant(), BUSINESS_ZONE);
    }

    /** An optional call-back number: absent if blank, else a sane shape with 3 to 15 digits. */
    static String phone(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String phone = value.strip();
        if (phone.length() > MAX_PHONE_LENGTH) {
            throw KontorException.invalidField(field, field + " is longer than " + MAX_PHONE_LENGTH + " characters");
        }
        long digits = phone.chars().filter(Character::isDigit).count();
        if (!PHONE.matcher(phone).matches() || digits < MIN_PHONE_DIGITS || digits > MAX_PHONE_DIGITS) {
            throw KontorException.invalidField(field, field + " is " + MIN_PHONE_DIGITS + " to " + MAX_PHONE_DIGITS
                    + " digits, with spaces, dashes, parentheses and a leading + allowed");
        }
        return phone;
    }

    /** One of the constants of {@code type}, case-insensitively; anything else is a 400 naming the choices. */
    static <E extends Enum<E>> E oneOf(Class<E> type, String value, String field) {
        Checks.required(value, field);
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw KontorException.invalidField(field, field + " is one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
