package io.kontor.eventlog.audit;

import io.kontor.eventlog.LogSchema;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.time.Instant;

/**
 * One event exactly as the log stores it, with its global position: what auditors read, before any upcasting or
 * deserialization. Payload and metadata stay BSON (as stored); the accessors name the stored fields.
 *
 * @param position the event's global position
 * @param stored   the stored event document (do not change it)
 */
public record LoggedEvent(long position, BsonDocument stored) {

    /** Metadata key of the acting user, written by the command side. */
    public static final String USER = "user";
    /** Metadata key of the correlation id, written by the command side. */
    public static final String CORRELATION_ID = "correlationId";

    public String eventId() {
        return stored.getString(LogSchema.E_ID).getValue();
    }

    /** The fully qualified payload type. */
    public String payloadType() {
        return stored.getString(LogSchema.E_PAYLOAD_TYPE).getValue();
    }

    /** The payload type without its package (and without an enclosing class). */
    public String simplePayloadType() {
        String type = payloadType();
        return type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
    }

    /** Whether {@code type} names this event's payload type, fully qualified or simple. */
    public boolean hasType(String type) {
        return type.equals(payloadType()) || type.equals(simplePayloadType());
    }

    /** The stored payload revision, {@code null} when none was stored. */
    public String revision() {
        return string(stored.get(LogSchema.E_PAYLOAD_REVISION));
    }

    public String aggregateType() {
        return string(stored.get(LogSchema.E_AGGREGATE_TYPE));
    }

    /** {@code null} for an event that belongs to no aggregate. */
    public String aggregateId() {
        return string(stored.get(LogSchema.E_AGGREGATE_ID));
    }

    /** {@code null} for an event that belongs to no aggregate. */
    public Long sequence() {
        BsonValue sequence = stored.get(LogSchema.E_SEQUENCE);
        return sequence == null || !sequence.isNumber() ? null : sequence.asNumber().longValue();
    }

    public Instant timestamp() {
        return Instant.parse(stored.getString(LogSchema.E_TIMESTAMP).getValue());
    }

    /** The stored payload: a BSON document for JSON-serialized payloads, binary otherwise. */
    public BsonValue payload() {
        return stored.get(LogSchema.E_PAYLOAD);
    }

    /** The stored metadata: a BSON document for JSON-serialized metadata, binary otherwise. */
    public BsonValue metaData() {
        return stored.get(LogSchema.E_META_DATA);
    }

    /** The acting user from the metadata, {@code null} when not recorded. */
    public String user() {
        return metaDataString(USER);
    }

    /** The correlation id from the metadata, {@code null} when not recorded. */
    public String correlationId() {
        return metaDataString(CORRELATION_ID);
    }

    private String metaDataString(String key) {
        BsonValue metaData = metaData();
        return metaData != null && metaData.isDocument() ? string(metaData.asDocument().get(key)) : null;
    }

    private static String string(BsonValue value) {
        return value != null && value.isString() ? value.asString().getValue() : null;
    }
}
