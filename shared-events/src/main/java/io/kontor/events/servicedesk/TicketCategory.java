package io.kontor.events.servicedesk;

/** What an IT support ticket is about. */
public enum TicketCategory {
    HARDWARE, SOFTWARE, ACCESS, OTHER
}
