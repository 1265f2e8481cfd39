package io.kontor.command.hr;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An employee's stream grows with every shift and absence, and the registry's with every hire; each shift loads the
 * employee, and each payroll run the registry and every employee. A snapshot every
 * {@code kontor.hr.snapshot-threshold} events (default 100) keeps those loads to a snapshot and a few events.
 */
@Configuration(proxyBeanMethods = false)
public class HrConfiguration {

    @Bean
    SnapshotTriggerDefinition hrSnapshotTrigger(Snapshotter snapshotter,
                                                @Value("${kontor.hr.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
