package io.kontor.query.common;

import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.KontorEventStorageEngine;
import io.kontor.events.KontorUpcasters;
import io.kontor.eventlog.KontorJson;
import io.kontor.eventlog.tokens.KontorTokenStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Duration;

/**
 * Axon on the query side: it only reads Kontor's event log. Projections run in pooled streaming processors
 * (settings under {@code axon.eventhandling.processors.<group>} in {@code query-side.yml}); a failing handler
 * makes its batch retry instead of being logged and skipped, and every batch's view writes are flushed by
 * {@link ViewFlushInterceptor} before the processor stores its token.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    @Bean
    @Primary
    Serializer serializer() {
        return KontorJson.serializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return KontorJson.serializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return KontorJson.serializer();
    }


    @Bean
    KontorEventStorageEngine eventStorageEngine(MongoDatabase database,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer snapshotSerializer,
                                          MeterRegistry meterRegistry) {
        return KontorEventStorageEngine.builder()
                .database(database)
                .serializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer)
                .upcasterChain(KontorUpcasters.chain())
                .meterRegistry(meterRegistry)
                .build();
    }

    /**
     * The command side appends in another process, so nothing wakes this store's reader when new events arrive:
     * it polls the log head every {@code kontor.query.poll-interval}, which bounds read-your-writes latency.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                  org.axonframework.config.Configuration configuration,
                                  @Value("${kontor.query.poll-interval:50ms}") Duration pollInterval) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(pollInterval.toMillis())
                .build();
    }

    /** Tokens next to the views they describe, so a restarted query side resumes where it stopped. */
    @Bean
    TokenStore tokenStore(MongoDatabase database, Serializer serializer) {
        return KontorTokenStore.builder().database(database).serializer(serializer).build();
    }

    @Bean
    ConfigurerModule projectionProcessing(ViewFlushInterceptor viewFlushInterceptor) {
        return configurer -> configurer.eventProcessing()
                // A new processor starts from position 0 as a plain token. Axon's pooled default is a replay token
                // up to the head seen at the first claim (the seeded chart on a fresh database), so a new view read
                // as REPLAYING, and kept that token in the store until it handled an event past that head.
                .registerPooledStreamingEventProcessorConfiguration(
                        (axon, builder) -> builder.initialToken(StreamableMessageSource::createTailToken)
                                // Streams that call the processor back when events arrive: without that, a pooled
                                // processor looks at an idle stream every 500 ms (see PrefetchingMessageSource).
                                .messageSource(new PrefetchingMessageSource(axon.eventStore())))
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultHandlerInterceptor((c, processorName) -> viewFlushInterceptor);
    }
}
