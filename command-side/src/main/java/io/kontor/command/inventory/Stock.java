package io.kontor.command.inventory;

import io.kontor.shared.Money;

import java.time.LocalDate;

/**
 * The items a purchase order touches, seen from inside the order's command: whether a sku is registered, and the
 * receipt of goods into an item's stock. Changes made here join the order's unit of work, so the order's events and
 * the items' events are appended in one commit, or not at all.
 */
public interface Stock {

    boolean isRegistered(String sku);

    void receive(String sku, String orderId, String receiptId, LocalDate date, long quantity, Money unitCost);
}
