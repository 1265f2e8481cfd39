package io.kontor.command.correspondence;

import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The phone message has been passed on to its employee. */
public record DeliverPhoneMessage(String callId) {

    public DeliverPhoneMessage {
        Checks.id(callId, "id");
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return PhoneMessage.streamId(callId);
    }
}
