package io.kontor.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventData;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.time.Instant;

/**
 * One stored event as Axon's upcasters and deserializers see it. Payload and metadata are converted from BSON only
 * when asked for, so events a reader skips cost no JSON conversion.
 */
class StoredEvent implements EventData<Object> {

    final BsonDocument event;

    StoredEvent(BsonDocument event) {
        this.event = event;
    }

    /** An event read by position, for tracking readers. */
    static Tracked tracked(BsonDocument event, long position) {
        return event.containsKey(LogSchema.E_AGGREGATE_ID)
                ? new TrackedDomain(event, position) : new Tracked(event, position);
    }

    /** An event (or snapshot) read by aggregate. */
    static Domain domain(BsonDocument event) {
        return new Domain(event);
    }

    @Override
    public String getEventIdentifier() {
        return event.getString(LogSchema.E_ID).getValue();
    }

    @Override
    public Instant getTimestamp() {
        return Instant.parse(event.getString(LogSchema.E_TIMESTAMP).getValue());
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public SerializedObject<Object> getMetaData() {
        BsonValue value = event.get(LogSchema.E_META_DATA);
        if (value != null && value.isBinary()) {
            return new SerializedMetaData(value.asBinary().getData(), byte[].class);
        }
        return new SerializedMetaData(BsonJson.toJson(value), JsonNode.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    public SerializedObject<Object> getPayload() {
        BsonValue revision = event.get(LogSchema.E_PAYLOAD_REVISION);
        return (SerializedObject<Object>) data(event.get(LogSchema.E_PAYLOAD),
                                               event.getString(LogSchema.E_PAYLOAD_TYPE).getValue(),
                                               revision == null || revision.isNull() ? null : revision.asString().getValue());
    }

    /** Binary data is what a serializer without a JSON form produced; everything else is a JSON tree. */
    static SerializedObject<?> data(BsonValue value, String type, String revision) {
        if (value != null && value.isBinary()) {
            return new SimpleSerializedObject<>(value.asBinary().getData(), byte[].class, type, revision);
        }
        return new SimpleSerializedObject<>(BsonJson.toJson(value), JsonNode.class, type, revision);
    }

    static class Tracked extends StoredEvent implements TrackedEventData<Object> {

        private final long position;

        Tracked(BsonDocument event, long position) {
            super(event);
            this.position = position;
        }

        long position() {
            return position;
        }

        @Override
        public TrackingToken trackingToken() {
            return new GlobalSequenceTrackingToken(position);
        }
    }

    /** The aggregate fields, read from the stored event for both kinds of domain event data. */
    interface AggregateFields extends DomainEventData<Object> {

        BsonDocument event();

        @Override
        default String getType() {
            BsonValue type = event().get(LogSchema.E_AGGREGATE_TYPE);
            return type == null || type.isNull() ? null : type.asString().getValue();
        }

        @Override
        default String getAggregateIdentifier() {
            return event().getString(LogSchema.E_AGGREGATE_ID).getValue();
        }

        @Override
        default long getSequenceNumber() {
            return event().getInt64(LogSchema.E_SEQUENCE).getValue();
        }
    }

    public BsonDocument event() {
        return event;
    }

    static final class TrackedDomain extends Tracked implements AggregateFields {

        TrackedDomain(BsonDocument event, long position) {
            super(event, position);
        }
    }

    static final class Domain extends StoredEvent implements AggregateFields {

        Domain(BsonDocument event) {
            super(event);
        }
    }
}
