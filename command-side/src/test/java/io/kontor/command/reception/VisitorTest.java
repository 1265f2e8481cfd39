package io.kontor.command.reception;

import io.kontor.command.hr.EmployeeDirectory;
import io.kontor.events.reception.VisitorCheckedIn;
import io.kontor.events.reception.VisitorCheckedOut;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static io.kontor.command.reservations.Refusals.refused;
import static io.kontor.command.reservations.Refusals.withCode;
import static io.kontor.command.reservations.Refusals.withProperty;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;

class VisitorTest {

    private static final Map<String, EmployeeDirectory.Employment> STAFF = Map.of(
            "anna", new EmployeeDirectory.Employment("anna", "Anna Berg", LocalDate.of(2020, 1, 1), null),
            "gone", new EmployeeDirectory.Employment("gone", "Gone", LocalDate.of(2020, 1, 1),
                    LocalDate.of(2020, 12, 31)),
            "later", new EmployeeDirectory.Employment("later", "Later", LocalDate.of(2999, 1, 1), null));
    private static final VisitorCheckedIn CHECKED_IN =
            new VisitorCheckedIn("v-1", "Ole Olsen", "Olsen ApS", "anna", "Anna Berg", "Contract meeting");

    private AggregateTestFixture<Visitor> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Visitor.class);
        fixture.registerInjectableResource((EmployeeDirectory) id -> Optional.ofNullable(STAFF.get(id)));
    }

    @Test
    void checksInAVisitorForAnEmployedHostWithTheHostsName() {
        fixture.givenNoPriorActivity()
                .when(new CheckInVisitor("v-1", "Ole Olsen", "Olsen ApS", "anna", "Contract meeting"))
                .expectEvents(CHECKED_IN);
    }

    @Test
    void anUnknownHostIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new CheckInVisitor("v-1", "Ole Olsen", null, "nobody", "Meeting"))
                .expectNoEvents()
                .expectException(refused(ErrorCode.NOT_FOUND, "field", "host"));
    }

    @Test
    void aHostPastTheirLastDayIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CheckInVisitor("v-1", "Ole Olsen", null, "gone", "Meeting"))
                .expectNoEvents()
                .expectException(allOf(refused(ErrorCode.BUSINESS_RULE_VIOLATED, "rule", "HOST_TERMINATED"),
                        withProperty("field", "host")));
    }

    @Test
    void aNewHireMayReceiveVisitorsBeforeTheirFirstDay() {
        fixture.givenNoPriorActivity()
                .when(new CheckInVisitor("v-1", "Ole Olsen", null, "later", "Contract"))
                .expectEvents(new VisitorCheckedIn("v-1", "Ole Olsen", null, "later", "Later", "Contract"));
    }

    @Test
    void aTakenVisitorIdIsRefusedAsDuplicate() {
        fixture.given(CHECKED_IN)
                .when(new CheckInVisitor("v-1", "Other", null, "anna", "Meeting"))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.DUPLICATE));
    }

    @Test
    void checksOutCarryingWhenTheVisitorCheckedIn() {
        Instant arrival = Instant.parse("2026-11-27T08:15:00Z");
        fixture.givenCurrentTime(arrival)
                .andGiven(CHECKED_IN)
                .when(new CheckOutVisitor("v-1"))
                .expectEvents(new VisitorCheckedOut("v-1", arrival));
    }

    @Test
    void checkingOutTwiceIsAConflict() {
        fixture.given(CHECKED_IN, new VisitorCheckedOut("v-1", Instant.parse("2026-11-27T08:15:00Z")))
                .when(new CheckOutVisitor("v-1"))
                .expectNoEvents()
                .expectException(refused(ErrorCode.CONFLICT, "rule", "ALREADY_CHECKED_OUT"));
    }

    @Test
    void checkingOutAnUnknownVisitorIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new CheckOutVisitor("nobody"))
                .expectNoEvents()
                .expectException(refused(ErrorCode.NOT_FOUND, "field", "id"));
    }

    @Test
    void blankOrOverlongFieldsAreRefusedBeforeTheVisitor() {
        assertThatThrownBy(() -> new CheckInVisitor("v-2", " ", null, "anna", "Meeting"))
                .isInstanceOf(KontorException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> new CheckInVisitor("v-2", "Ole", null, "anna", "x".repeat(201)))
                .isInstanceOf(KontorException.class).hasMessageContaining("purpose");
        assertThatThrownBy(() -> new CheckInVisitor("v-2", "Ole", "x".repeat(101), "anna", "Meeting"))
                .isInstanceOf(KontorException.class).hasMessageContaining("company");
    }
}
