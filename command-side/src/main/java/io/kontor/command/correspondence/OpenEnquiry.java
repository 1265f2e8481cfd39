package io.kontor.command.correspondence;

import io.kontor.events.correspondence.EnquiryChannel;
import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Open a customer's enquiry, received through {@code channel}. */
public record OpenEnquiry(String enquiryId, String customer, EnquiryChannel channel, String subject) {

    public OpenEnquiry {
        Checks.id(enquiryId, "id");
        Checks.text(customer, "customer", 100);
        Checks.required(channel, "channel");
        Checks.text(subject, "subject", 500);
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Enquiry.streamId(enquiryId);
    }
}
