package io.kontor.command.reservations;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/** {@link Resources} on Axon's repositories: every load joins the current unit of work and its commit. */
@Component
public class RepositoryResources implements Resources {

    private final Repository<Resource> resources;
    private final Repository<Reservation> reservations;
    private final EventStore events;

    public RepositoryResources(Repository<Resource> resources, Repository<Reservation> reservations,
                               EventStore events) {
        this.resources = resources;
        this.reservations = reservations;
        this.events = events;
    }

    @Override
    public boolean reservationExists(String reservationId) {
        // From sequence 0: a stream exists iff it has a first event, so the snapshot lookup (a round trip) is skipped.
        return events.readEvents(Reservation.streamId(reservationId), 0).hasNext();
    }

    @Override
    public void file(String reservationId, String resourceId) {
        try {
            reservations.newInstance(() -> new Reservation(reservationId, resourceId));
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    @Override
    public void onResource(String resourceId, Consumer<Resource> action) {
        resources.load(Resource.streamId(resourceId)).execute(action);
    }
}
