package io.kontor.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * Converts Jackson trees to BSON values and back, so that payloads and metadata are stored as real BSON documents
 * that MongoDB tools and auditors can read. Decimals become Decimal128 (exact, scale kept); a decimal Decimal128
 * cannot hold (more than 34 digits) is kept as its exact string rather than rounded.
 */
public final class BsonJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private BsonJson() {
    }

    /** The BSON form of a JSON tree. */
    public static BsonValue toBson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return BsonNull.VALUE;
        }
        if (node.isObject()) {
            BsonDocument document = new BsonDocument();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                document.append(field.getKey(), toBson(field.getValue()));
            }
            return document;
        }
        if (node.isArray()) {
            BsonArray array = new BsonArray();
            for (JsonNode element : node) {
                array.add(toBson(element));
            }
            return array;
        }
        if (node.isTextual()) {
            return new BsonString(node.textValue());
        }
        if (node.isBoolean()) {
            return BsonBoolean.valueOf(node.booleanValue());
        }
        if (node.isInt() || node.isShort()) {
            return new BsonInt32(node.intValue());
        }
        if (node.isLong()) {
            return new BsonInt64(node.longValue());
        }
        if (node.isBigInteger()) {
            BigInteger value = node.bigIntegerValue();
            if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
                return new BsonInt64(value.longValue());
            }
            return decimal(new BigDecimal(value));
        }
        if (node.isBigDecimal()) {
            return decimal(node.decimalValue());
        }
        if (node.isFloatingPointNumber()) {
            return new BsonDouble(node.doubleValue());
        }
        if (node.isBinary()) {
            try {
                return new BsonBinary(node.binaryValue());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("binary node without binary value", e);
            }
        }
        return new BsonString(node.asText());
    }

    private static BsonValue decimal(BigDecimal value) {
        try {
            return new BsonDecimal128(new Decimal128(value));
        } catch (NumberFormatException | ArithmeticException e) {
            return new BsonString(value.toString());
        }
    }

    /** The JSON tree of a BSON value. */
    public static JsonNode toJson(BsonValue value) {
        if (value == null || value.isNull()) {
            return NODES.nullNode();
        }
        switch (value.getBsonType()) {
            case DOCUMENT: {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<String, BsonValue> field : value.asDocument().entrySet()) {
                    object.set(field.getKey(), toJson(field.getValue()));
                }
                return object;
            }
            case ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (BsonValue element : value.asArray()) {
                    array.add(toJson(element));
                }
                return array;
            }
            case STRING:
                return NODES.textNode(value.asString().getValue());
            case BOOLEAN:
                return NODES.booleanNode(value.asBoolean().getValue());
            case INT32:
                return NODES.numberNode(value.asInt32().getValue());
            case INT64:
                return NODES.numberNode(value.asInt64().getValue());
            case DOUBLE:
                return NODES.numberNode(value.asDouble().getValue());
            case DECIMAL128: {
                Decimal128 decimal = value.asDecimal128().getValue();
                if (decimal.isNaN() || decimal.isInfinite()) {
                    return NODES.textNode(decimal.toString());
                }
                return NODES.numberNode(decimal.bigDecimalValue());
            }
            case BINARY:
                return NODES.binaryNode(value.asBinary().getData());
            case DATE_TIME:
                return NODES.textNode(Instant.ofEpochMilli(value.asDateTime().getValue()).toString());
            case OBJECT_ID:
                return NODES.textNode(value.asObjectId().getValue().toHexString());
            default:
                return NODES.textNode(value.toString());
        }
    }
}
