package io.kontor.eventlog;

import org.axonframework.eventhandling.EventMessage;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;

import java.util.List;
import java.util.UUID;

/**
 * The events of one unit of work, serialized and hashed by the appending thread, waiting for a group commit to give
 * them a position. The writer fills in exactly one outcome before marking it done.
 */
final class PendingCommit {

    final List<? extends EventMessage<?>> messages;
    final List<BsonDocument> events;
    final List<String> eventHashes;
    final BsonArray keys;
    final BsonArray ids;
    final BsonDateTime maxTimestamp;
    /** Lets a writer recognise its own commit when an insert's outcome was unknown or raced. */
    final String commitId = UUID.randomUUID().toString();

    long firstPosition;
    String hash;
    RuntimeException failure;
    EventMessage<?> conflictingEvent;
    volatile boolean done;

    PendingCommit(List<? extends EventMessage<?>> messages, List<BsonDocument> events, List<String> eventHashes,
                  BsonArray keys, BsonArray ids, BsonDateTime maxTimestamp) {
        this.messages = messages;
        this.events = events;
        this.eventHashes = eventHashes;
        this.keys = keys;
        this.ids = ids;
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
