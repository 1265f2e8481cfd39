package io.kontor.eventlog;

import org.axonframework.eventhandling.EventMessage;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;

import java.util.List;

/**
 * The events of one unit of work, serialized and hashed by the appending thread, waiting for a group commit to give
 * them a position. The writer fills in exactly one outcome before marking it done.
 */
final class PendingCommit {

    final List<? extends EventMessage<?>> messages;
    final List<BsonDocument> events;
    final List<String> eventHashes;
    final BsonArray keys;
    final BsonDateTime maxTimestamp;

    /** The appending thread, woken when the outcome is in. */
    Thread owner;
    long firstPosition;
    /** Unique to this attempt (it covers position and previous hash): how a writer recognises its own commit. */
    String hash;
    RuntimeException failure;
    EventMessage<?> conflictingEvent;
    volatile boolean done;

    PendingCommit(List<? extends EventMessage<?>> messages, List<BsonDocument> events, List<String> eventHashes,
                  BsonArray keys, BsonDateTime maxTimestamp) {
        this.messages = messages;
        this.events = events;
        this.eventHashes = eventHashes;
        this.keys = keys;
        this.maxTimestamp = maxTimestamp;
    }

    int size() {
        return events.size();
    }

    long lastPosition() {
        return firstPosition + events.size() - 1;
    }

    void succeeded() {
        done = true;
    }

    void conflicted(RuntimeException cause, EventMessage<?> event) {
        failure = cause;
        conflictingEvent = event;
        done = true;
    }

    void failed(RuntimeException cause) {
        failure = cause;
        done = true;
    }
}
