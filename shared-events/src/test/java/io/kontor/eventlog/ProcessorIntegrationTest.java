package io.kontor.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.testing.TestMongo;
import io.kontor.eventlog.tokens.KontorTokenStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import static io.kontor.eventlog.KontorEventStorageEngineTest.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The engine and the token store inside Axon's own machinery, as the apps wire them. */
class ProcessorIntegrationTest {

    /** Revision 2 of a test event: revision 1 called the field {@code title}. */
    @org.axonframework.serialization.Revision("2")
    record Renamed(String id, String name) {
    }

    @Test
    void aTrackingProcessorOnTwoSegmentsGetsEveryEventOnceAndStoresItsTokens() {
        MongoDatabase database = TestMongo.freshDatabase();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        KontorEventStorageEngine engine = KontorEventStorageEngine.builder().database(database)
                                                                  .meterRegistry(meters).build();
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        KontorTokenStore tokenStore = KontorTokenStore.builder().database(database).nodeId("node-1").build();
        Set<String> handled = ConcurrentHashMap.newKeySet();
        EventMessageHandler handler = message -> {
            assertThat(handled.add(message.getIdentifier())).as("delivered once").isTrue();
            return null;
        };
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name("ledger")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .messageSource(eventStore)
                .tokenStore(tokenStore)
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(
                        TrackingEventProcessorConfiguration.forParallelProcessing(2).andInitialSegmentsCount(2))
                .build();
        AtomicReference<Object> lastPosition = new AtomicReference<>();
        try {
            processor.start();
            for (int i = 0; i < 30; i++) {
                eventStore.publish(event("account-" + (i % 7), i / 7));
            }
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            unitOfWork.afterCommit(u -> lastPosition.set(u.getResource(KontorEventStorageEngine.LAST_POSITION_RESOURCE)));
            unitOfWork.execute(() -> eventStore.publish(event("account-x", 0), event("account-x", 1)));

            await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 32);
            assertThat(lastPosition.get()).isEqualTo(32L);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (int segment : tokenStore.fetchSegments("ledger")) {
                    assertThat(processor.processingStatus().get(segment).getCurrentPosition()).hasValue(32L);
                }
            });
        } finally {
            processor.shutDown();
            eventStore.shutDown();
        }
        assertThat(tokenStore.fetchSegments("ledger")).containsExactly(0, 1);
        // the processor may wrap it in a ReplayToken when it initialized its segments after the first appends
        assertThat(tokenStore.fetchToken("ledger", 0).position()).hasValue(32L);
        assertThat(tokenStore.fetchToken("ledger", 1).position()).hasValue(32L);
        assertThat(meters.find("kontor.eventlog.append.batch.size").summary().count()).isPositive();
        assertThat(meters.find("kontor.eventlog.append.latency").timer().count()).isEqualTo(31);
        assertThat(meters.find("kontor.eventlog.head").gauge().value()).isEqualTo(32.0);
    }

    @Test
    void storedJsonOfAnOldRevisionIsUpcastOnRead() {
        MongoDatabase database = TestMongo.freshDatabase();
        JacksonSerializer serializer = KontorJson.serializer();
        KontorEventStorageEngine writer = KontorEventStorageEngine.builder().database(database).serializer(serializer).build();
        writer.appendEvents(new GenericDomainEventMessage<>("Thing", "t-1", 0, new Renamed("t-1", "placeholder")));
        database.getCollection(LogSchema.COMMITS).updateOne(
                com.mongodb.client.model.Filters.eq("_id", 1L),
                com.mongodb.client.model.Updates.combine(
                        com.mongodb.client.model.Updates.set("events.0.payloadRevision", "1"),
                        com.mongodb.client.model.Updates.unset("events.0.payload.name"),
                        com.mongodb.client.model.Updates.set("events.0.payload.title", "Old title")));

        SingleEventUpcaster titleToName = new SingleEventUpcaster() {
            private final SimpleSerializedType revisionOne = new SimpleSerializedType(Renamed.class.getName(), "1");

            @Override
            protected boolean canUpcast(IntermediateEventRepresentation representation) {
                return representation.getType().equals(revisionOne);
            }

            @Override
            protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
                return representation.upcastPayload(new SimpleSerializedType(Renamed.class.getName(), "2"),
                                                    JsonNode.class, node -> {
                            ObjectNode object = (ObjectNode) node;
                            object.set("name", object.remove("title"));
                            return object;
                        });
            }
        };
        KontorEventStorageEngine reader = KontorEventStorageEngine.builder().database(database).serializer(serializer)
                                                                  .upcasterChain(titleToName).build();

        List<Object> tracked = reader.readEvents(null, false).<Object>map(EventMessage::getPayload).toList();
        assertThat(tracked).containsExactly(new Renamed("t-1", "Old title"));
        assertThat(reader.readEvents("t-1").next().getPayload()).isEqualTo(new Renamed("t-1", "Old title"));
    }
}
