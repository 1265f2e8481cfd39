package io.kontor.command.reservations;

import io.kontor.events.reservations.ResourceKind;
import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make a room, meeting room or desk bookable under a client-chosen id. */
public record RegisterResource(String resourceId, String name, ResourceKind kind) {

    public RegisterResource {
        Checks.id(resourceId, "id");
        name = Checks.text(name, "name", 100).strip();
        Checks.required(kind, "kind");
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Resource.streamId(resourceId);
    }
}
