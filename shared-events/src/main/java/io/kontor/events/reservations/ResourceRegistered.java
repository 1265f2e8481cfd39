package io.kontor.events.reservations;

import org.axonframework.serialization.Revision;

import java.util.Objects;

/** A room, meeting room or desk that can be reserved from now on. */
@Revision("1")
public record ResourceRegistered(String resourceId, String name, ResourceKind kind) {

    public ResourceRegistered {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
