package io.kontor.command.inventory;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every issue, count and receipt loads its item, and an item's stream grows with every movement: a snapshot every
 * {@code kontor.inventory.item-snapshot-threshold} events (default 100) keeps that load to a snapshot and a few events.
 */
@Configuration(proxyBeanMethods = false)
public class InventoryConfiguration {

    @Bean
    SnapshotTriggerDefinition itemSnapshotTrigger(Snapshotter snapshotter,
                                                  @Value("${kontor.inventory.item-snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
