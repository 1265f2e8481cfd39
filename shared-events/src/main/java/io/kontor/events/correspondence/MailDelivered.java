package io.kontor.events.correspondence;

import org.axonframework.serialization.Revision;

import java.util.Objects;

/** The mail was handed to its recipient. Delivered at the event's timestamp. */
@Revision("1")
public record MailDelivered(String mailId) {

    public MailDelivered {
        Objects.requireNonNull(mailId, "mailId");
    }
}
