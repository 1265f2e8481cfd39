package io.kontor.shared;

/**
 * The stable error codes of Kontor's HTTP contract. Each code has one HTTP status; clients match on the code,
 * never on message text. A refused command appends nothing, whatever its code.
 */
public enum ErrorCode {
    /** The request body is not JSON, or not the JSON the endpoint takes. */
    MALFORMED_REQUEST(400),
    /** One or more fields are missing or invalid; the problem names them. */
    VALIDATION_FAILED(400),
    /** No credentials, or wrong ones. */
    UNAUTHENTICATED(401),
    /** The caller's roles do not allow this. */
    FORBIDDEN(403),
    /** The id names nothing. */
    NOT_FOUND(404),
    /** Another command changed the same thing first (optimistic concurrency). */
    CONCURRENT_MODIFICATION(409),
    /** The id or a unique key is already taken. */
    DUPLICATE(409),
    /** An Idempotency-Key was reused with a different body, or its first request is still running. */
    IDEMPOTENCY_KEY_REUSED(409),
    /** A conflicting state, such as an overlapping booking. */
    CONFLICT(409),
    /** The request body is larger than the server takes ({@code kontor.http.max-body-size}); refused unread. */
    PAYLOAD_TOO_LARGE(413),
    /** A business rule refused the command. */
    BUSINESS_RULE_VIOLATED(422),
    /** The view did not reach the requested position in time. */
    VIEW_NOT_CAUGHT_UP(503);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
