package io.kontor.command.inventory;

import io.kontor.shared.Money;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * {@link Stock} on Axon's repository of items: loads join the current unit of work and its commit. Whether a sku is
 * registered is read from the head of the item's stream instead, which costs one event however long the stream is.
 */
@Component
public class ItemRepositoryStock implements Stock {

    private final Repository<Item> items;
    private final EventStore events;

    public ItemRepositoryStock(Repository<Item> items, EventStore events) {
        this.items = items;
        this.events = events;
    }

    @Override
    public boolean isRegistered(String sku) {
        // From sequence 0: a stream exists iff it has a first event, so the snapshot lookup (a round trip) is skipped.
        return events.readEvents(Item.streamId(sku), 0).hasNext();
    }

    @Override
    public void receive(String sku, String orderId, String receiptId, LocalDate date, long quantity, Money unitCost) {
        items.load(Item.streamId(sku)).execute(item -> item.receive(orderId, receiptId, date, quantity, unitCost));
    }
}
