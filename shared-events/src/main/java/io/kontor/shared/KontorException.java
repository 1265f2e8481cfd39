package io.kontor.shared;

import java.util.Map;

/**
 * A refusal with a stable {@link ErrorCode}. Aggregates and controllers throw it; each app's one exception advice
 * turns it into an RFC 9457 problem. {@code properties} travel into the problem as extension members (for example
 * the offending field), and across the command bus as the exception's details.
 */
public class KontorException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> properties;

    public KontorException(ErrorCode code, String detail) {
        this(code, detail, Map.of());
    }

    public KontorException(ErrorCode code, String detail, Map<String, Object> properties) {
        super(detail);
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** A 400 naming the one field that is wrong. */
    public static KontorException invalidField(String field, String detail) {
        return new KontorException(ErrorCode.VALIDATION_FAILED, detail, Map.of("field", field));
    }
}
