package io.kontor.command.reservations;

import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;

/** Matchers for a fixture's refusal: the {@link KontorException}'s code and its properties. */
public final class Refusals {

    private Refusals() {
    }

    public static Matcher<Throwable> refused(ErrorCode code, String property, String value) {
        return allOf(withCode(code), withProperty(property, value));
    }

    public static Matcher<Throwable> withCode(ErrorCode code) {
        return new FeatureMatcher<>(equalTo(code), "code", "code") {
            @Override
            protected ErrorCode featureValueOf(Throwable actual) {
                return actual instanceof KontorException k ? k.code() : null;
            }
        };
    }

    public static Matcher<Throwable> withProperty(String key, String value) {
        return new FeatureMatcher<>(equalTo(value), key, key) {
            @Override
            protected String featureValueOf(Throwable actual) {
                return actual instanceof KontorException k ? String.valueOf(k.properties().get(key)) : null;
            }
        };
    }
}
