package io.kontor.command.reservations;

import java.util.function.Consumer;

/**
 * The other streams a reservation command touches, read from the log itself: changes made here join the calling
 * command's unit of work, so all of its events are appended in one commit, or none.
 */
public interface Resources {

    boolean reservationExists(String reservationId);

    /** Takes the reservation id and files it under its resource. */
    void file(String reservationId, String resourceId);

    /** Runs {@code action} on the resource, whose stream decides every change to its reservations. */
    void onResource(String resourceId, Consumer<Resource> action);
}
