package io.kontor.eventlog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The one {@link ObjectMapper} configuration for Kontor's events: records, {@code java.time} values as ISO-8601
 * strings, {@link java.util.Currency} as its code, and {@link java.math.BigDecimal} kept exact (scale included) all
 * the way into the stored BSON, where decimals become Decimal128. Both apps build their Axon
 * {@code JacksonSerializer} from it so that what one side writes the other reads the same way.
 */
public final class KontorJson {

    private KontorJson() {
    }

    /** A new, fully configured mapper; callers may customise their copy without affecting others. */
    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // a decimal read from stored JSON must come back as the exact BigDecimal, never via double
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // an old event may lack a field a newer reader ignores, and vice versa: tolerant reading
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .build();
    }

    /**
     * Axon's serializer for Kontor's messages, built on {@link #objectMapper()}, with each payload's revision taken
     * from its {@code @Revision}: the one both apps, the event log and the tools use.
     */
    public static JacksonSerializer serializer() {
        return JacksonSerializer.builder()
                .objectMapper(objectMapper())
                .revisionResolver(new AnnotationRevisionResolver())
                .build();
    }
}
