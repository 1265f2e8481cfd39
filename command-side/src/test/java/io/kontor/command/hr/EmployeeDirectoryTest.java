package io.kontor.command.hr;

import io.kontor.events.hr.EmployeeHired;
import io.kontor.events.hr.EmployeeTerminated;
import io.kontor.events.hr.EmployeeTransferred;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import io.kontor.shared.Money;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Employment read from an employee's stream as stored: its events, or its snapshot and the events after it. */
class EmployeeDirectoryTest {

    private static final LocalDate START = LocalDate.of(2027, 3, 1);
    private static final EmployeeHired HIRED =
            new EmployeeHired("anna", "Anna Berg", "Reception", "Receptionist", Money.dkk("31000.00"), START);

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(storage).build();
    private final EmployeeDirectory directory = new LogEmployeeDirectory(events);

    private void append(long sequence, Object event) {
        events.publish(List.of(new GenericDomainEventMessage<>("Employee", Employee.streamId("anna"), sequence, event)));
    }

    @Test
    void anEmployeeNeverHiredIsUnknown() {
        assertThat(directory.employment("anna")).isEmpty();
        assertThatThrownBy(() -> directory.requireActive("anna", START, "forEmployee"))
                .isInstanceOfSatisfying(KontorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
                    assertThat(e.properties()).containsEntry("field", "forEmployee");
                });
    }

    @Test
    void anEmployeeIsActiveUntilTheirLastDay() {
        append(0, HIRED);
        append(1, new EmployeeTerminated("anna", START.plusDays(30)));

        assertThat(directory.requireActive("anna", START.minusDays(7), "f").startDate()).isEqualTo(START);
        assertThat(directory.requireActive("anna", START.plusDays(30), "f").lastDay()).isEqualTo(START.plusDays(30));
        assertThatThrownBy(() -> directory.requireActive("anna", START.plusDays(31), "f"))
                .isInstanceOfSatisfying(KontorException.class, e ->
                        assertThat(e.properties()).containsEntry("rule", "EMPLOYEE_NOT_ACTIVE"));
    }

    @Test
    void aSnapshotAndTheTerminationAfterItAreBothRead() {
        append(0, HIRED);
        append(1, new EmployeeTransferred("anna", "Accounts", "Clerk", START.plusDays(5)));
        Employee snapshot = new Employee();
        snapshot.on(HIRED);
        snapshot.on(new EmployeeTransferred("anna", "Accounts", "Clerk", START.plusDays(5)));
        storage.storeSnapshot(new GenericDomainEventMessage<>("Employee", Employee.streamId("anna"), 1, snapshot));
        assertThat(directory.employment("anna")).contains(new EmployeeDirectory.Employment("anna", "Anna Berg", START, null));

        append(2, new EmployeeTerminated("anna", START.plusDays(9)));

        assertThat(directory.employment("anna"))
                .contains(new EmployeeDirectory.Employment("anna", "Anna Berg", START, START.plusDays(9)));
        assertThat(directory.employment("anna").orElseThrow().employedOn(START.plusDays(10))).isFalse();
    }
}
