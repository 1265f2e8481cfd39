package io.kontor.query.inventory;

import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.testing.TestMongo;
import io.kontor.query.common.Views;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies events to the inventory views on a fresh database through the projection's own handlers, in batches the
 * way the processor does (one unit of work per batch, flushed at commit), without starting Axon's processors.
 */
public final class InventoryHarness {

    public final MongoDatabase database = TestMongo.freshDatabase();
    private final Views views = new Views(database);
    private final InventoryController queries = new InventoryController(views);
    private final AnnotationEventHandlerAdapter handlers =
            new AnnotationEventHandlerAdapter(new InventoryProjection(views));
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<DomainEventMessage<?>> log = new ArrayList<>();

    /** Appends the events at the next positions (each in its item's or order's stream) and applies them as a batch. */
    public long batch(List<?> events) {
        long first = log.size() + 1;
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (Object event : events) {
            String stream = stream(event);
            long sequence = sequences.merge(stream, 1L, Long::sum) - 1;
            DomainEventMessage<?> message = new GenericDomainEventMessage<>("Inventory", stream, sequence, event);
            log.add(message);
            messages.add(message);
        }
        applyAt(first, messages);
        return first;
    }

    /** Applies the events from {@code firstPosition} on again, as a redelivery after a crash does. */
    public void redeliver(long firstPosition, int count) {
        applyAt(firstPosition, log.subList((int) firstPosition - 1, (int) firstPosition - 1 + count));
    }

    private void applyAt(long firstPosition, List<DomainEventMessage<?>> messages) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            long position = firstPosition;
            for (DomainEventMessage<?> message : messages) {
                handlers.handle(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position++),
                        message));
            }
        } catch (Exception e) {
            batch.rollback(e);
            throw new IllegalStateException(e);
        }
        batch.commit();
    }

    public InventoryController.Inventory inventory() {
        return queries.inventory(false);
    }

    public BigDecimal totalValue() {
        return new BigDecimal(inventory().totalValue());
    }

    /** One movement as the view shows it: signed quantity and value, and the running totals after it. */
    public record Movement(long quantity, BigDecimal value, long quantityOnHand, BigDecimal valueOnHand) {
    }

    public List<Movement> movements(String sku) {
        return queries.movements(sku, 0, InventoryController.MAX_MOVEMENTS).movements().stream()
                .map(m -> new Movement(m.quantity(), new BigDecimal(m.value()), m.quantityOnHand(),
                        new BigDecimal(m.valueOnHand())))
                .toList();
    }

    public List<InventoryController.PurchaseOrderView> purchaseOrders(String status) {
        return queries.purchaseOrders(status);
    }

    public List<Document> documents(String collection) {
        return database.getCollection(collection).find().into(new ArrayList<>());
    }

    private static String stream(Object event) {
        for (String accessor : List.of("sku", "orderId")) {
            try {
                return accessor + ":" + event.getClass().getMethod(accessor).invoke(event);
            } catch (NoSuchMethodException e) {
                // try the next accessor
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return "other";
    }
}
