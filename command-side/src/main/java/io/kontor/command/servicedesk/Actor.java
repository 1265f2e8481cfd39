package io.kontor.command.servicedesk;

import io.kontor.shared.Checks;

/**
 * Who sends a ticket command, as the ticket needs to know it: the user and whether they act as IT support. The
 * ticket decides from this who may touch it (a reporter their own ticket; IT support any).
 */
public record Actor(String user, boolean support) {

    public Actor {
        Checks.text(user, "user", 200);
    }
}
