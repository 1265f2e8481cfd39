package io.kontor.events.correspondence;

import org.axonframework.serialization.Revision;

import java.util.Objects;

/** The mail room received a piece of mail for {@code recipient}. Registered at the event's timestamp. */
@Revision("1")
public record MailRegistered(String mailId, String sender, String recipient, MailKind kind) {

    public MailRegistered {
        Objects.requireNonNull(mailId, "mailId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
    }
}
