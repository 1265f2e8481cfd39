package io.kontor.command.correspondence;

import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The mail has been handed to its recipient. */
public record DeliverMail(String mailId) {

    public DeliverMail {
        Checks.id(mailId, "id");
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Mail.streamId(mailId);
    }
}
