package io.kontor.command.hr;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.kontor.events.hr.EmployeeEnrolled;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Every employee ever hired, in one stream: each hire appends to it in the hire's own commit, so the list payroll
 * reads is exactly the log's, never a view that may lag. It has no command handlers; {@link Staff} drives it.
 */
@Aggregate(snapshotTriggerDefinition = "hrSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class EmployeeRegistry {

    /** The one registry's stream. */
    public static final String STREAM_ID = "employees:registry";

    @AggregateIdentifier
    private String registryId;
    private List<String> employeeIds = new ArrayList<>();

    /** Axon rebuilds the registry from its events, and creates it empty on the first hire. */
    protected EmployeeRegistry() {
    }

    void enrol(String employeeId) {
        apply(new EmployeeEnrolled(STREAM_ID, employeeId));
    }

    List<String> employeeIds() {
        return List.copyOf(employeeIds);
    }

    @EventSourcingHandler
    void on(EmployeeEnrolled event) {
        registryId = event.registryId();
        employeeIds.add(event.employeeId());
    }
}
