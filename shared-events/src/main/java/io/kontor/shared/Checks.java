package io.kontor.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The shape checks every command shares, each refusing with a 400 that names the field. Commands call them from
 * their compact constructors, so a badly shaped command never reaches an aggregate.
 */
public final class Checks {

    /** Client-chosen ids and skus stay plain: no path characters, no whitespace. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Control characters other than tab, line feed and carriage return: never part of a business text. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

    private Checks() {
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw KontorException.invalidField(field, field + " is required");
        }
        return value;
    }

    public static String id(String value, String field) {
        if (value == null || value.isBlank()) {
            throw KontorException.invalidField(field, field + " is required");
        }
        if (!ID.matcher(value).matches()) {
            throw KontorException.invalidField(field, field + " is 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return value;
    }

    public static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw KontorException.invalidField(field, field + " is required");
        }
        if (value.length() > maxLength) {
            throw KontorException.invalidField(field, field + " is longer than " + maxLength + " characters");
        }
        if (CONTROL.matcher(value).find()) {
            throw KontorException.invalidField(field, field + " contains a control character");
        }
        return value;
    }

    /** One of {@code type}'s constants, named in any case: a missing or unknown name is a 400 listing them all. */
    public static <E extends Enum<E>> E oneOf(String value, Class<E> type, String field) {
        required(value, field);
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw KontorException.invalidField(field, field + " is one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** Blank is absent; present text is checked like {@link #text}. */
    public static String optionalText(String value, String field, int maxLength) {
        return value == null || value.isBlank() ? null : text(value, field, maxLength);
    }
}
