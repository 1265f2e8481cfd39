package io.kontor.command.servicedesk;

import io.kontor.events.servicedesk.TicketAssigned;
import io.kontor.events.servicedesk.TicketCategory;
import io.kontor.events.servicedesk.TicketCommented;
import io.kontor.events.servicedesk.TicketOpened;
import io.kontor.events.servicedesk.TicketPriority;
import io.kontor.events.servicedesk.TicketReopened;
import io.kontor.events.servicedesk.TicketResolved;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

class TicketTest {

    private static final Actor REPORTER = new Actor("frontdesk", false);
    private static final Actor OTHER = new Actor("hr", false);
    private static final Actor SUPPORT = new Actor("itsupport", true);
    private static final Instant AT = Instant.parse("2026-11-27T08:00:00Z");
    private static final TicketOpened OPENED = new TicketOpened("t-1", "frontdesk", TicketCategory.HARDWARE,
            TicketPriority.P2, "Printer jams", "Every second page", AT);

    private AggregateTestFixture<Ticket> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Ticket.class);
    }

    /** The fixture's clock, which stamps the events the ticket applies. */
    private Instant now() {
        return fixture.currentTime();
    }

    @Test
    void anyUserOpensATicketAsItsReporterAtTheEventTime() {
        fixture.givenNoPriorActivity()
                .when(new OpenTicket("t-1", REPORTER, TicketCategory.HARDWARE, TicketPriority.P2, "Printer jams",
                        "Every second page"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TicketOpened("t-1", "frontdesk", TicketCategory.HARDWARE, TicketPriority.P2,
                        "Printer jams", "Every second page", now()));
    }

    @Test
    void aTakenIdIsRefusedAsDuplicate() {
        fixture.given(OPENED)
                .when(new OpenTicket("t-1", OTHER, TicketCategory.OTHER, TicketPriority.P4, "x", "y"))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.DUPLICATE));
    }

    @Test
    void itSupportAssignsATicket() {
        fixture.given(OPENED)
                .when(new AssignTicket("t-1", SUPPORT, "itsupport"))
                .expectEvents(new TicketAssigned("t-1", "itsupport", "itsupport", now()));
    }

    @Test
    void theReporterMayNotAssignTheirOwnTicket() {
        fixture.given(OPENED)
                .when(new AssignTicket("t-1", REPORTER, "frontdesk"))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.FORBIDDEN));
    }

    @Test
    void theReporterCommentsOnTheirOwnTicket() {
        fixture.given(OPENED)
                .when(new CommentOnTicket("t-1", "c-1", REPORTER, "still jams"))
                .expectEvents(new TicketCommented("t-1", "c-1", "frontdesk", false, "still jams", now()));
    }

    @Test
    void itSupportCommentsOnAnyTicket() {
        fixture.given(OPENED)
                .when(new CommentOnTicket("t-1", "c-1", SUPPORT, "on my way"))
                .expectEvents(new TicketCommented("t-1", "c-1", "itsupport", true, "on my way", now()));
    }

    @Test
    void anotherUserMayNotCommentOnSomeoneElsesTicket() {
        fixture.given(OPENED)
                .when(new CommentOnTicket("t-1", "c-1", OTHER, "me too"))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.FORBIDDEN));
    }

    @Test
    void anotherUserMayNotResolveSomeoneElsesTicket() {
        fixture.given(OPENED)
                .when(new ResolveTicket("t-1", OTHER, "fixed it myself"))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.FORBIDDEN));
    }

    @Test
    void itSupportResolvesAnOpenTicket() {
        fixture.given(OPENED)
                .when(new ResolveTicket("t-1", SUPPORT, "new drum"))
                .expectEvents(new TicketResolved("t-1", "new drum", "itsupport", now()));
    }

    @Test
    void resolvingAResolvedTicketIsRefused() {
        fixture.given(OPENED, new TicketResolved("t-1", "new drum", "itsupport", AT.plusSeconds(60)))
                .when(new ResolveTicket("t-1", SUPPORT, "again"))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.CONFLICT));
    }

    @Test
    void itSupportReopensAResolvedTicket() {
        fixture.given(OPENED, new TicketResolved("t-1", "new drum", "itsupport", AT.plusSeconds(60)))
                .when(new ReopenTicket("t-1", SUPPORT, "jams again"))
                .expectEvents(new TicketReopened("t-1", "jams again", "itsupport", now()));
    }

    @Test
    void reopeningAnOpenTicketIsRefused() {
        fixture.given(OPENED)
                .when(new ReopenTicket("t-1", SUPPORT, "why"))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.CONFLICT));
    }

    @Test
    void aReopenedTicketCanBeResolvedAgain() {
        fixture.given(OPENED, new TicketResolved("t-1", "new drum", "itsupport", AT.plusSeconds(60)),
                        new TicketReopened("t-1", "jams again", "itsupport", AT.plusSeconds(120)))
                .when(new ResolveTicket("t-1", SUPPORT, "new printer"))
                .expectEvents(new TicketResolved("t-1", "new printer", "itsupport", now()));
    }

    @Test
    void actingOnAnUnknownTicketIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new CommentOnTicket("nope", "c-1", SUPPORT, "hello?"))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.NOT_FOUND));
    }

    @Test
    void aTicketWithoutPriorityIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new OpenTicket("t-2", REPORTER, TicketCategory.OTHER, null, "x", "y"))
                .isInstanceOfSatisfying(KontorException.class,
                        e -> assertThat(e.properties()).containsEntry("field", "priority"));
    }

    static Matcher<Throwable> withCode(ErrorCode code) {
        return new FeatureMatcher<>(equalTo(code), "error code", "code") {
            @Override
            protected ErrorCode featureValueOf(Throwable actual) {
                return actual instanceof KontorException k ? k.code() : null;
            }
        };
    }
}
