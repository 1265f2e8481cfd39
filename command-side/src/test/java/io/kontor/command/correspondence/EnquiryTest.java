package io.kontor.command.correspondence;

import io.kontor.events.correspondence.EnquiryAnswered;
import io.kontor.events.correspondence.EnquiryChannel;
import io.kontor.events.correspondence.EnquiryOpened;
import io.kontor.shared.ErrorCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.kontor.command.correspondence.Refusals.refused;

class EnquiryTest {

    private static final EnquiryOpened OPENED =
            new EnquiryOpened("e-1", "Hansen ApS", EnquiryChannel.EMAIL, "Opening hours at Christmas");

    private AggregateTestFixture<Enquiry> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Enquiry.class);
    }

    @Test
    void opensAnEnquiry() {
        fixture.givenNoPriorActivity()
                .when(new OpenEnquiry("e-1", "Hansen ApS", EnquiryChannel.EMAIL, "Opening hours at Christmas"))
                .expectEvents(OPENED);
    }

    @Test
    void aTakenEnquiryIdIsRefusedAsDuplicate() {
        fixture.given(OPENED)
                .when(new OpenEnquiry("e-1", "Other", EnquiryChannel.PHONE, "Other"))
                .expectNoEvents()
                .expectException(refused(ErrorCode.DUPLICATE, "field", "id"));
    }

    @Test
    void answersAnOpenEnquiry() {
        fixture.given(OPENED)
                .when(new AnswerEnquiry("e-1", "Closed 24-26 December"))
                .expectEvents(new EnquiryAnswered("e-1", "Closed 24-26 December"));
    }

    @Test
    void cannotAnswerAnEnquiryTwice() {
        fixture.given(OPENED, new EnquiryAnswered("e-1", "Closed 24-26 December"))
                .when(new AnswerEnquiry("e-1", "Open after all"))
                .expectNoEvents()
                .expectException(refused(ErrorCode.CONFLICT, "rule", "ALREADY_ANSWERED"));
    }

    @Test
    void answeringAnUnknownEnquiryIsRefusedAsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new AnswerEnquiry("e-1", "Yes"))
                .expectNoEvents()
                .expectException(refused(ErrorCode.NOT_FOUND, "field", "id"));
    }
}
