package io.kontor.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.kontor.eventlog.BsonJson;
import io.kontor.eventlog.audit.LoggedEvent;
import org.bson.BsonValue;

import java.time.Instant;
import java.util.Base64;

/**
 * One event of the log as auditors read it: where it stands, what it is, who caused it and its payload exactly as
 * stored (before any upcasting). A payload a non-JSON serializer wrote is shown as base64 text.
 */
record AuditEvent(long position, String eventId, String type, String payloadType, String revision,
                  String aggregateType, String aggregateId, Long sequence, Instant timestamp, String user,
                  String correlationId, JsonNode metaData, JsonNode payload) {

    static AuditEvent of(LoggedEvent event) {
        return new AuditEvent(event.position(), event.eventId(), event.simplePayloadType(), event.payloadType(),
                event.revision(), event.aggregateType(), event.aggregateId(), event.sequence(), event.timestamp(),
                event.user(), event.correlationId(), json(event.metaData()), json(event.payload()));
    }

    private static JsonNode json(BsonValue value) {
        if (value != null && value.isBinary()) {
            return JsonNodeFactory.instance.textNode(Base64.getEncoder().encodeToString(value.asBinary().getData()));
        }
        return BsonJson.toJson(value);
    }
}
