package io.kontor.events.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Iterator;
import java.util.Map;

/**
 * {@link AccountOpened} revision 1 to 2: the account's type moved from {@code type} to {@code accountType}, so that
 * queries over stored payloads never confuse it with an event's payload type. Stored events are never rewritten;
 * revision-1 documents are read through this upcaster for as long as they exist. The field keeps its place.
 */
public final class AccountOpenedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(AccountOpened.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(AccountOpened.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, AccountOpenedUpcaster::upcast);
    }

    /** The revision-2 shape of a revision-1 payload. */
    static JsonNode upcast(JsonNode revision1) {
        ObjectNode revision2 = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = revision1.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            revision2.set("type".equals(field.getKey()) ? "accountType" : field.getKey(), field.getValue());
        }
        return revision2;
    }
}
