package io.kontor.query.servicedesk;

/** A ticket is open until IT support resolves it, and open again when reopened. */
public enum TicketStatus {
    OPEN, RESOLVED
}
