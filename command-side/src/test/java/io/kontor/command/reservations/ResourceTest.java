package io.kontor.command.reservations;

import io.kontor.events.reservations.ReservationCancelled;
import io.kontor.events.reservations.ReservationCheckedIn;
import io.kontor.events.reservations.ReservationCheckedOut;
import io.kontor.events.reservations.ReservationMade;
import io.kontor.events.reservations.ResourceKind;
import io.kontor.events.reservations.ResourceRegistered;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import static io.kontor.command.reservations.Refusals.refused;
import static io.kontor.command.reservations.Refusals.withCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceTest {

    private static final Instant NINE = Instant.parse("2027-05-03T07:00:00Z");
    private static final Instant TEN = NINE.plusSeconds(3600);
    private static final Instant ELEVEN = TEN.plusSeconds(3600);
    private static final ResourceRegistered ROOM = new ResourceRegistered("room-1", "Room 1", ResourceKind.MEETING_ROOM);
    private static final ReservationMade NINE_TO_TEN = new ReservationMade("room-1", "r-1", "Olsen ApS", NINE, TEN);

    private final FakeResources resources = new FakeResources();
    private AggregateTestFixture<Resource> fixture;

    /** Reservations the fixture's repository was asked to file. */
    static class FakeResources implements Resources {
        final Set<String> existing = new HashSet<>();
        final List<String> filed = new ArrayList<>();

        @Override
        public boolean reservationExists(String reservationId) {
            return existing.contains(reservationId);
        }

        @Override
        public void file(String reservationId, String resourceId) {
            filed.add(reservationId + "@" + resourceId);
        }

        @Override
        public void onResource(String resourceId, java.util.function.Consumer<Resource> action) {
            throw new UnsupportedOperationException("the resource itself does not reach other resources");
        }
    }

    /**
     * A step on a reservation as the reservation's stream sends it in production ({@link RepositoryResources}): the
     * resource loaded from the repository, in the command's unit of work.
     */
    record Step(@TargetAggregateIdentifier String streamId, String reservationId,
                BiConsumer<Resource, String> action) {
        static Step of(String reservationId, BiConsumer<Resource, String> action) {
            return new Step(Resource.streamId("room-1"), reservationId, action);
        }
    }

    static final class Steps {
        private final Repository<Resource> repository;

        Steps(Repository<Resource> repository) {
            this.repository = repository;
        }

        @CommandHandler
        void handle(Step step) {
            repository.load(step.streamId()).execute(resource -> step.action().accept(resource, step.reservationId()));
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Resource.class);
        fixture.registerInjectableResource(resources);
        fixture.registerAnnotatedCommandHandler(new Steps(fixture.getRepository()));
    }

    @Test
    void registersAResource() {
        fixture.givenNoPriorActivity()
                .when(new RegisterResource("room-1", "Room 1", ResourceKind.MEETING_ROOM))
                .expectEvents(ROOM);
    }

    @Test
    void aTakenResourceIdIsRefusedAsDuplicate() {
        fixture.given(ROOM)
                .when(new RegisterResource("room-1", "Other", ResourceKind.DESK))
                .expectNoEvents()
                .expectException(refused(ErrorCode.DUPLICATE, "field", "id"));
    }

    @Test
    void reservesAFreeSlotAndFilesTheReservation() {
        fixture.given(ROOM)
                .when(new ReserveResource("room-1", "r-1", "Olsen ApS", NINE, TEN))
                .expectEvents(NINE_TO_TEN);
        assertThat(resources.filed).containsExactly("r-1@room-1");
    }

    @Test
    void anUnknownResourceIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new ReserveResource("room-9", "r-1", "Olsen ApS", NINE, TEN))
                .expectNoEvents()
                .expectException(refused(ErrorCode.NOT_FOUND, "field", "resource"));
    }

    @Test
    void secondBookingOfTheSameSlotIsRefused() {
        fixture.given(ROOM, NINE_TO_TEN)
                .when(new ReserveResource("room-1", "r-2", "Hansen", NINE.plusSeconds(1800), ELEVEN))
                .expectNoEvents()
                .expectException(refused(ErrorCode.CONFLICT, "rule", "OVERLAPPING_RESERVATION"));
        assertThat(resources.filed).isEmpty();
    }

    @Test
    void aBookingEndingWhereAnotherStartsDoesNotOverlap() {
        fixture.given(ROOM, NINE_TO_TEN)
                .when(new ReserveResource("room-1", "r-2", "Hansen", TEN, ELEVEN))
                .expectEvents(new ReservationMade("room-1", "r-2", "Hansen", TEN, ELEVEN));
    }

    @Test
    void aCancelledReservationFreesItsSlot() {
        fixture.given(ROOM, NINE_TO_TEN, new ReservationCancelled("room-1", "r-1", NINE, TEN))
                .when(new ReserveResource("room-1", "r-2", "Hansen", NINE, TEN))
                .expectEvents(new ReservationMade("room-1", "r-2", "Hansen", NINE, TEN));
    }

    @Test
    void aCheckedInReservationStillBlocksItsSlotAndACheckedOutOneFreesIt() {
        fixture.given(ROOM, NINE_TO_TEN, new ReservationCheckedIn("room-1", "r-1", NINE, TEN))
                .when(new ReserveResource("room-1", "r-2", "Hansen", NINE, TEN))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.CONFLICT));
        fixture.given(ROOM, NINE_TO_TEN, new ReservationCheckedIn("room-1", "r-1", NINE, TEN),
                        new ReservationCheckedOut("room-1", "r-1", NINE, TEN))
                .when(new ReserveResource("room-1", "r-2", "Hansen", NINE, TEN))
                .expectEvents(new ReservationMade("room-1", "r-2", "Hansen", NINE, TEN));
    }

    @Test
    void aTakenReservationIdIsRefusedAsDuplicate() {
        resources.existing.add("r-1");
        fixture.given(ROOM)
                .when(new ReserveResource("room-1", "r-1", "Hansen", NINE, TEN))
                .expectNoEvents()
                .expectException(refused(ErrorCode.DUPLICATE, "field", "id"));
    }

    @Test
    void aReservationEndingBeforeItStartsIsRefusedBeforeTheResource() {
        assertThatThrownBy(() -> new ReserveResource("room-1", "r-1", "Hansen", TEN, NINE))
                .isInstanceOf(KontorException.class).hasMessageContaining("ends after it starts");
        assertThatThrownBy(() -> new ReserveResource("room-1", "r-1", "Hansen", NINE, NINE))
                .isInstanceOf(KontorException.class);
        assertThatThrownBy(() -> new ReserveResource("room-1", "r-1", " ", NINE, TEN))
                .isInstanceOf(KontorException.class).hasMessageContaining("customer");
    }

    @Test
    void checksInThenOut() {
        fixture.given(ROOM, NINE_TO_TEN)
                .when(Step.of("r-1", Resource::checkIn))
                .expectEvents(new ReservationCheckedIn("room-1", "r-1", NINE, TEN));
        fixture.given(ROOM, NINE_TO_TEN, new ReservationCheckedIn("room-1", "r-1", NINE, TEN))
                .when(Step.of("r-1", Resource::checkOut))
                .expectEvents(new ReservationCheckedOut("room-1", "r-1", NINE, TEN));
    }

    @Test
    void cancels() {
        fixture.given(ROOM, NINE_TO_TEN)
                .when(Step.of("r-1", Resource::cancel))
                .expectEvents(new ReservationCancelled("room-1", "r-1", NINE, TEN));
    }

    @Test
    void noDoubleCheckIn() {
        fixture.given(ROOM, NINE_TO_TEN, new ReservationCheckedIn("room-1", "r-1", NINE, TEN))
                .when(Step.of("r-1", Resource::checkIn))
                .expectNoEvents()
                .expectException(refused(ErrorCode.CONFLICT, "rule", "ALREADY_CHECKED_IN"));
    }

    @Test
    void noCheckOutBeforeCheckIn() {
        fixture.given(ROOM, NINE_TO_TEN)
                .when(Step.of("r-1", Resource::checkOut))
                .expectNoEvents()
                .expectException(refused(ErrorCode.BUSINESS_RULE_VIOLATED, "rule", "NOT_CHECKED_IN"));
    }

    @Test
    void noCheckInOfACancelledReservation() {
        fixture.given(ROOM, NINE_TO_TEN, new ReservationCancelled("room-1", "r-1", NINE, TEN))
                .when(Step.of("r-1", Resource::checkIn))
                .expectNoEvents()
                .expectException(refused(ErrorCode.BUSINESS_RULE_VIOLATED, "rule", "RESERVATION_CANCELLED"));
    }

    @Test
    void noCancellingTwiceOrAfterCheckIn() {
        fixture.given(ROOM, NINE_TO_TEN, new ReservationCancelled("room-1", "r-1", NINE, TEN))
                .when(Step.of("r-1", Resource::cancel))
                .expectNoEvents()
                .expectException(refused(ErrorCode.CONFLICT, "rule", "ALREADY_CANCELLED"));
        fixture.given(ROOM, NINE_TO_TEN, new ReservationCheckedIn("room-1", "r-1", NINE, TEN))
                .when(Step.of("r-1", Resource::cancel))
                .expectNoEvents()
                .expectException(refused(ErrorCode.BUSINESS_RULE_VIOLATED, "rule", "RESERVATION_CHECKED_IN"));
    }

    @Test
    void aLongPastReservationIsDroppedFromTheCalendarAndArchived() {
        Instant now = NINE.plus(Resource.RETENTION).plusSeconds(7200);
        fixture.givenCurrentTime(now)
                .andGiven(ROOM, NINE_TO_TEN, new ReservationMade("room-1", "r-2", "Hansen", now, now.plusSeconds(60)))
                .when(Step.of("r-1", Resource::cancel))
                .expectNoEvents()
                .expectException(refused(ErrorCode.BUSINESS_RULE_VIOLATED, "rule", "RESERVATION_ARCHIVED"));
    }
}
