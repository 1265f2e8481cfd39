package io.kontor.command.correspondence;

import io.kontor.command.hr.Employee;
import io.kontor.command.hr.LogEmployeeDirectory;
import io.kontor.events.correspondence.PhoneMessageDelivered;
import io.kontor.events.correspondence.PhoneMessageTaken;
import io.kontor.events.hr.EmployeeHired;
import io.kontor.events.hr.EmployeeTerminated;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.Money;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.assertj.core.api.Condition;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static io.kontor.command.correspondence.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneMessageTest {

    /** 27 November 2026, 09:30 in Copenhagen. */
    private static final Instant NOW = Instant.parse("2026-11-27T08:30:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final PhoneMessageTaken TAKEN =
            new PhoneMessageTaken("c-1", "Karen Lund", "+45 33 12 34 56", "anna", "Please call back about the lease");

    private final EmbeddedEventStore hr = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private AggregateTestFixture<PhoneMessage> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PhoneMessage.class);
        fixture.registerInjectableResource(new LogEmployeeDirectory(hr));
        hire("anna", TODAY.minusYears(1));
    }

    private void hire(String id, LocalDate startDate) {
        hr.publish(new GenericDomainEventMessage<>("Employee", Employee.streamId(id), 0,
                new EmployeeHired(id, id, "Reception", "Receptionist", Money.dkk("30000.00"), startDate)));
    }

    private void terminate(String id, long sequence, LocalDate lastDay) {
        hr.publish(new GenericDomainEventMessage<>("Employee", Employee.streamId(id), sequence,
                new EmployeeTerminated(id, lastDay)));
    }

    private static TakePhoneMessage take(String forEmployee) {
        return new TakePhoneMessage("c-1", "Karen Lund", " +45 33 12 34 56 ", forEmployee,
                "Please call back about the lease");
    }

    @Test
    void takesAMessageForAnEmployedEmployee() {
        fixture.givenCurrentTime(NOW)
                .when(take("anna"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(TAKEN);
    }

    @Test
    void aMessageForAnUnknownEmployeeIsRefusedAsNotFound() {
        fixture.givenCurrentTime(NOW)
                .when(take("nobody"))
                .expectNoEvents()
                .expectException(refused(ErrorCode.NOT_FOUND, "field", "forEmployee"));
    }

    @Test
    void aMessageForAnEmployeeWhoHasLeftIsRefused() {
        terminate("anna", 1, TODAY.minusDays(1));
        fixture.givenCurrentTime(NOW)
                .when(take("anna"))
                .expectNoEvents()
                .expectException(refused(ErrorCode.BUSINESS_RULE_VIOLATED, "rule", "EMPLOYEE_NOT_ACTIVE"));
    }

    @Test
    void aMessageForAnEmployeeOnTheirLastDayIsTaken() {
        terminate("anna", 1, TODAY);
        fixture.givenCurrentTime(NOW)
                .when(take("anna"))
                .expectEvents(TAKEN);
    }

    @Test
    void aMessageForANewColleagueWhoStartsNextWeekIsTaken() {
        hire("bo", TODAY.plusWeeks(1));
        fixture.givenCurrentTime(NOW)
                .when(take("bo"))
                .expectEvents(new PhoneMessageTaken("c-1", "Karen Lund", "+45 33 12 34 56", "bo",
                        "Please call back about the lease"));
    }

    @Test
    void aTakenCallIdIsRefusedAsDuplicate() {
        fixture.given(TAKEN)
                .when(take("anna"))
                .expectNoEvents()
                .expectException(refused(ErrorCode.DUPLICATE, "field", "id"));
    }

    @Test
    void deliversAMessageNamingItsEmployee() {
        fixture.given(TAKEN)
                .when(new DeliverPhoneMessage("c-1"))
                .expectEvents(new PhoneMessageDelivered("c-1", "anna"));
    }

    @Test
    void cannotDeliverAMessageTwice() {
        fixture.given(TAKEN, new PhoneMessageDelivered("c-1", "anna"))
                .when(new DeliverPhoneMessage("c-1"))
                .expectNoEvents()
                .expectException(refused(ErrorCode.CONFLICT, "rule", "ALREADY_DELIVERED"));
    }

    @Test
    void deliveringAnUnknownCallIsRefusedAsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new DeliverPhoneMessage("c-1"))
                .expectNoEvents()
                .expectException(refused(ErrorCode.NOT_FOUND, "field", "id"));
    }

    @Test
    void aPhoneNumberHasASaneShape() {
        for (String bad : new String[]{"call me", "12", "+45 33 12 34 56 78 90 12 34", "45+33", "1".repeat(31),
                "33-12-34-56 ext. 7"}) {
            assertThatThrownBy(() -> withPhone(bad)).as(bad)
                    .is(new Condition<>(refused(ErrorCode.VALIDATION_FAILED, "field", "phone")::matches, "phone"));
        }
        assertThat(withPhone("112").phone()).isEqualTo("112");
        assertThat(withPhone(" +45 (33) 12-34-56").phone()).isEqualTo("+45 (33) 12-34-56");
        assertThat(withPhone("0045 33123456").phone()).isEqualTo("0045 33123456");
        assertThat(withPhone("  ").phone()).isNull();
        assertThat(withPhone(null).phone()).isNull();
    }

    private static TakePhoneMessage withPhone(String phone) {
        return new TakePhoneMessage("c-1", "Karen Lund", phone, "anna", "Call back");
    }
}
