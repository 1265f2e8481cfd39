package io.kontor.command.reservations;

import io.kontor.events.reservations.ReservationFiled;
import io.kontor.shared.ErrorCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.kontor.command.reservations.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

class ReservationTest {

    private final List<String> reached = new ArrayList<>();
    private AggregateTestFixture<Reservation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Reservation.class);
        fixture.registerInjectableResource(new ResourceTest.FakeResources() {
            @Override
            public void onResource(String resourceId, Consumer<Resource> action) {
                reached.add(resourceId);
            }
        });
    }

    @Test
    void aStepOnAReservationIsDecidedByItsResource() {
        fixture.given(new ReservationFiled("r-1", "room-1"))
                .when(new CheckInReservation("r-1"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
        assertThat(reached).containsExactly("room-1");
    }

    @Test
    void anUnknownReservationIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new CancelReservation("nobody"))
                .expectNoEvents()
                .expectException(refused(ErrorCode.NOT_FOUND, "field", "id"));
        fixture.givenNoPriorActivity()
                .when(new CheckOutReservation("nobody"))
                .expectNoEvents()
                .expectException(refused(ErrorCode.NOT_FOUND, "field", "id"));
        assertThat(reached).isEmpty();
    }
}
