package io.kontor.eventlog;

/**
 * An event could not be stored because its aggregate sequence number is already taken by another unit of work, or its
 * sequence number or identifier appears twice in the same one. The engine's default persistence exception resolver treats it as a
 * duplicate key, so Axon turns it into a {@code ConcurrencyException} (or {@code AggregateStreamCreationException} for
 * a sequence number 0).
 */
public class DuplicateKeyException extends RuntimeException {

    public DuplicateKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
