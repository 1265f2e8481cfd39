package io.kontor.events.correspondence;

import org.axonframework.serialization.Revision;

import java.util.Objects;

/**
 * The front desk took a phone message for an employee; when it was taken is the event's timestamp. {@code phone} is
 * the number to call back, or null when the caller left none.
 */
@Revision("1")
public record PhoneMessageTaken(String callId, String caller, String phone, String forEmployee, String message) {

    public PhoneMessageTaken {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(forEmployee, "forEmployee");
        Objects.requireNonNull(message, "message");
    }
}
