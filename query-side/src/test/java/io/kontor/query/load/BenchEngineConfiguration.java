package io.kontor.query.load;

import com.mongodb.client.MongoDatabase;
import io.kontor.command.common.StreamCachingEventStore;
import io.kontor.eventlog.KontorEventStorageEngine;
import io.kontor.eventlog.KontorJson;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Test-only: puts the command side's event store on another storage engine, chosen by {@code kontor.bench.engine}:
 * {@code kontor} (as shipped, nothing changes), {@code memory} (Axon's {@link InMemoryEventStorageEngine}, the
 * framework's ceiling) or {@code axon-mongo} (axon-mongo's {@link MongoEventStorageEngine} in the same database,
 * the peer). The aggregates, lookups and snapshotter all use the {@code eventBus} bean, so replacing that one bean
 * moves every read and append; Kontor's own engine stays as a bean but holds nothing. The replacement keeps the
 * aggregates' streams like the shipped store ({@link StreamCachingEventStore}).
 */
@Configuration(proxyBeanMethods = false)
class BenchEngineConfiguration {

    static final String ENGINE = "kontor.bench.engine";

    @Bean
    static BeanPostProcessor benchEventStore(Environment environment, BeanFactory beans) {
        String engine = environment.getProperty(ENGINE, "kontor");
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!name.equals("eventBus") || engine.equals("kontor")) {
                    return bean;
                }
                // Kept streams as on Kontor's engine: the engines differ in storage only.
                return new StreamCachingEventStore(
                        EmbeddedEventStore.builder().storageEngine(storageEngine(engine, beans)).build(),
                        StreamCachingEventStore.DEFAULT_MAX_EVENTS, StreamCachingEventStore.DEFAULT_MAX_STREAM_EVENTS);
            }
        };
    }

    private static EventStorageEngine storageEngine(String engine, BeanFactory beans) {
        Serializer serializer = KontorJson.serializer();
        return switch (engine) {
            case "memory" -> new InMemoryEventStorageEngine();
            case "axon-mongo" -> {
                MongoEventStorageEngine mongo = MongoEventStorageEngine.builder()
                        .mongoTemplate(DefaultMongoTemplate.builder()
                                .mongoDatabase(beans.getBean(MongoDatabase.class)).build())
                        .eventSerializer(serializer).snapshotSerializer(serializer).build();
                mongo.ensureIndexes();
                yield mongo;
            }
            default -> throw new IllegalArgumentException(ENGINE + " must be kontor, memory or axon-mongo: " + engine);
        };
    }

    /**
     * Other engines leave no position for the command answer; without one the answer would ask Kontor's (empty) log
     * for its head, a database round trip per command that the peer and the ceiling must not be charged for.
     */
    @Bean
    Object benchNoPosition(Environment environment, CommandBus commandBus) {
        if (!environment.getProperty(ENGINE, "kontor").equals("kontor")) {
            MessageHandlerInterceptor<CommandMessage<?>> zero = (unitOfWork, chain) -> {
                unitOfWork.root().resources().put(KontorEventStorageEngine.LAST_POSITION_RESOURCE, 0L);
                return chain.proceed();
            };
            commandBus.registerHandlerInterceptor(zero);
        }
        return new Object();
    }
}
