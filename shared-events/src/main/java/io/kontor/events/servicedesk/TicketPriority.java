package io.kontor.events.servicedesk;

import java.time.Duration;

/**
 * How urgent an IT support ticket is, and its service level: the time within which it must be resolved, counted in
 * calendar hours from the moment it was opened (P1 4 hours, P2 8, P3 24, P4 72).
 */
public enum TicketPriority {
    P1(4), P2(8), P3(24), P4(72);

    private final Duration serviceLevel;

    TicketPriority(int hours) {
        this.serviceLevel = Duration.ofHours(hours);
    }

    /** The time from opening within which a ticket of this priority is to be resolved. */
    public Duration serviceLevel() {
        return serviceLevel;
    }
}
