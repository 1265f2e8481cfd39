package io.kontor.command.common;

import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.KontorEventStorageEngine;
import io.kontor.events.KontorUpcasters;
import io.kontor.eventlog.KontorJson;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon on the command side: Kontor's event log as the storage engine, in an {@code EmbeddedEventStore} that keeps
 * the aggregates' streams between loads, Jackson serialization from the event log's own {@code ObjectMapper}
 * (records need it; XStream cannot read them), the acting user and correlation id copied from each command into its
 * events, and the command-bus interceptors every command passes. The command bus stays Axon's {@link SimpleCommandBus}: each
 * HTTP thread runs its own unit of work, and the engine's group commit batches those concurrent units of work.
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
     * Axon's event store on Kontor's engine, as Axon's auto-configuration would build it, with the aggregates' streams
     * kept between loads (see {@link StreamCachingEventStore}).
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                          @Value("${kontor.command.stream-cache.max-events:" + StreamCachingEventStore.DEFAULT_MAX_EVENTS
                                  + "}") int maxEvents,
                          @Value("${kontor.command.stream-cache.max-stream-events:"
                                  + StreamCachingEventStore.DEFAULT_MAX_STREAM_EVENTS + "}") int maxStreamEvents,
                          MeterRegistry meterRegistry) {
        EmbeddedEventStore store = EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .build();
        StreamCachingEventStore kept = new StreamCachingEventStore(store, maxEvents, maxStreamEvents);
        Gauge.builder("kontor.command.stream.cache.events", kept, StreamCachingEventStore::keptEvents)
                .description("Events of aggregates' streams kept in memory between loads")
                .register(meterRegistry);
        return kept;
    }

    /** The only correlation data: replaces Axon's default provider, whose own {@code correlationId} would win. */
    @Bean
    CorrelationDataProvider userAndCorrelationId() {
        return new SimpleCorrelationDataProvider(CommandMetadata.USER, CommandMetadata.CORRELATION_ID);
    }

    @Bean
    CommandBusInterceptors commandBusInterceptors(CommandBus commandBus, MeterRegistry meterRegistry) {
        return new CommandBusInterceptors(commandBus, meterRegistry);
    }

    /** Registers, once, what every command passes: its metadata on dispatch; failure counts, error details and position on handling. */
    static final class CommandBusInterceptors {
        CommandBusInterceptors(CommandBus commandBus, MeterRegistry meterRegistry) {
            commandBus.registerDispatchInterceptor(new CommandMetadata());
            commandBus.registerHandlerInterceptor(new CommandFailureMetrics(meterRegistry));
            commandBus.registerHandlerInterceptor(new ErrorDetailsInterceptor());
            commandBus.registerHandlerInterceptor(new CommandPositionInterceptor());
        }
    }
}
