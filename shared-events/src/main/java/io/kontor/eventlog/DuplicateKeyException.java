package io.kontor.eventlog;

/**
 * An event could not be stored because its aggregate sequence number or its identifier is already taken, by another
 * unit of work or earlier in the same one. The engine's default persistence exception resolver treats it as a
 * duplicate key, so Axon turns it into a {@code ConcurrencyException} (or {@code AggregateStreamCreationException} for
 * a sequence number 0).
 */
public class DuplicateKeyException extends RuntimeException {

    public DuplicateKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
