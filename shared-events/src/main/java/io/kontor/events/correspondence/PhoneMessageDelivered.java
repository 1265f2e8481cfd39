package io.kontor.events.correspondence;

import org.axonframework.serialization.Revision;

import java.util.Objects;

/** The phone message reached its employee. Names the employee, so a per-employee view needs nothing else. */
@Revision("1")
public record PhoneMessageDelivered(String callId, String forEmployee) {

    public PhoneMessageDelivered {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(forEmployee, "forEmployee");
    }
}
