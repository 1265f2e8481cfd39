package io.kontor.events.reception;

import org.axonframework.serialization.Revision;

import java.util.Objects;

/**
 * A visitor signed in at reception to see {@code hostId} (an employee, whose name at the time is carried so the
 * visitor views need no other view); {@code company} is optional. The check-in time is the event's timestamp.
 */
@Revision("1")
public record VisitorCheckedIn(String visitorId, String name, String company, String hostId, String hostName,
                               String purpose) {

    public VisitorCheckedIn {
        Objects.requireNonNull(visitorId, "visitorId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(purpose, "purpose");
    }
}
