package io.kontor.events.reservations;

/** What a bookable resource is. */
public enum ResourceKind {
    ROOM, MEETING_ROOM, DESK
}
