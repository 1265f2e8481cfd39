package io.kontor.events.correspondence;

import org.axonframework.serialization.Revision;

import java.util.Objects;

/** A customer asked the front desk something; it is open until answered. Opened at the event's timestamp. */
@Revision("1")
public record EnquiryOpened(String enquiryId, String customer, EnquiryChannel channel, String subject) {

    public EnquiryOpened {
        Objects.requireNonNull(enquiryId, "enquiryId");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(subject, "subject");
    }
}
