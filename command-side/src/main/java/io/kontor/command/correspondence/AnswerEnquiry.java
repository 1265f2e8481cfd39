package io.kontor.command.correspondence;

import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Answer a customer's enquiry, which closes it. */
public record AnswerEnquiry(String enquiryId, String answer) {

    public AnswerEnquiry {
        Checks.id(enquiryId, "id");
        Checks.text(answer, "answer", 4000);
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Enquiry.streamId(enquiryId);
    }
}
