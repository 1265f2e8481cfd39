package io.kontor.command.inventory;

import io.kontor.shared.Money;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** {@link Stock} on Axon's repository of items: loads join the current unit of work and its commit. */
@Component
public class ItemRepositoryStock implements Stock {

    private final Repository<Item> items;

    public ItemRepositoryStock(Repository<Item> items) {
        this.items = items;
    }

    @Override
    public boolean isRegistered(String sku) {
        try {
            items.load(Item.streamId(sku));
            return true;
        } catch (AggregateNotFoundException e) {
            return false;
        }
    }

    @Override
    public void receive(String sku, String orderId, String receiptId, LocalDate date, long quantity, Money unitCost) {
        items.load(Item.streamId(sku)).execute(item -> item.receive(orderId, receiptId, date, quantity, unitCost));
    }
}
