package io.kontor.events.correspondence;

import org.axonframework.serialization.Revision;

import java.util.Objects;

/** The customer's enquiry was answered, which closes it. Answered at the event's timestamp. */
@Revision("1")
public record EnquiryAnswered(String enquiryId, String answer) {

    public EnquiryAnswered {
        Objects.requireNonNull(enquiryId, "enquiryId");
        Objects.requireNonNull(answer, "answer");
    }
}
