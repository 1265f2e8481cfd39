package io.kontor.command.common;

import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.KontorEventStorageEngine;
import io.kontor.events.KontorUpcasters;
import io.kontor.eventlog.KontorJson;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon on the command side: Kontor's event log as the storage engine (Axon's auto-configuration wraps it in an
 * {@code EmbeddedEventStore}), Jackson serialization from the event log's own {@code ObjectMapper} (records need
 * it; XStream cannot read them), the acting user and correlation id copied from each command into its events, and
 * the command-bus interceptors every command passes. The command bus stays Axon's {@link SimpleCommandBus}: each
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
