package io.kontor.command.correspondence;

import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a phone message from {@code caller} for an employee; {@code phone} is an optional call-back number. */
public record TakePhoneMessage(String callId, String caller, String phone, String forEmployee, String message) {

    public TakePhoneMessage {
        Checks.id(callId, "id");
        Checks.text(caller, "caller", 100);
        phone = Fields.phone(phone, "phone");
        Checks.id(forEmployee, "forEmployee");
        Checks.text(message, "message", 2000);
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return PhoneMessage.streamId(callId);
    }
}
