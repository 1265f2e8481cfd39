package io.kontor.command.reservations;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A resource's stream grows with every booking and every step of it, and every booking loads the resource. A
 * snapshot every {@code kontor.reservations.snapshot-threshold} events (default 100) keeps that load to a snapshot
 * and a few events; the snapshot holds only the recent and future calendar (see {@link Resource}).
 */
@Configuration(proxyBeanMethods = false)
public class ReservationsConfiguration {

    @Bean
    SnapshotTriggerDefinition reservationsSnapshotTrigger(Snapshotter snapshotter,
                                                          @Value("${kontor.reservations.snapshot-threshold:100}")
                                                          int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
