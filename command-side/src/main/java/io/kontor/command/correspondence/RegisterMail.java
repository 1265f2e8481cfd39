package io.kontor.command.correspondence;

import io.kontor.events.correspondence.MailKind;
import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register incoming mail from {@code sender} for {@code recipient} (a person or a department, as written on it). */
public record RegisterMail(String mailId, String sender, String recipient, MailKind kind) {

    public RegisterMail {
        Checks.id(mailId, "id");
        Checks.text(sender, "sender", 200);
        Checks.text(recipient, "recipient", 100);
        Checks.required(kind, "kind");
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Mail.streamId(mailId);
    }
}
