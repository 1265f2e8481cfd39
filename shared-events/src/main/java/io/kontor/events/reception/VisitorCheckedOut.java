package io.kontor.events.reception;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Objects;

/**
 * The visitor left; the check-out time is the event's timestamp. Carries when they checked in, so the visitor log
 * finds the day of the visit from this event alone.
 */
@Revision("1")
public record VisitorCheckedOut(String visitorId, Instant checkedInAt) {

    public VisitorCheckedOut {
        Objects.requireNonNull(visitorId, "visitorId");
        Objects.requireNonNull(checkedInAt, "checkedInAt");
    }
}
