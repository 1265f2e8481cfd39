package io.kontor.command.correspondence;

import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;

/** Matches a refusal by its error code and its rule (or field), never by its message text. */
final class Refusals {

    private Refusals() {
    }

    static Matcher<Throwable> refused(ErrorCode code, String property, Object value) {
        return new FeatureMatcher<>(equalTo(List.of(code, value)), "code and " + property, "refusal") {
            @Override
            protected List<Object> featureValueOf(Throwable actual) {
                return actual instanceof KontorException k
                        ? List.of(k.code(), String.valueOf(k.properties().get(property))) : List.of();
            }
        };
    }
}
