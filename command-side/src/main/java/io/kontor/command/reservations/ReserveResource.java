package io.kontor.command.reservations;

import io.kontor.shared.Checks;
import io.kontor.shared.KontorException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;
import java.time.Instant;

/** Reserve the resource for {@code customer} from {@code from} (included) to {@code to} (excluded). */
public record ReserveResource(String resourceId, String reservationId, String customer, Instant from, Instant to) {

    /** A room is booked for a stay, not a season: longer is a typo. */
    static final Duration MAX_LENGTH = Duration.ofDays(31);

    public ReserveResource {
        Checks.id(resourceId, "resource");
        Checks.id(reservationId, "id");
        customer = Checks.text(customer, "customer", 100).strip();
        Checks.required(from, "from");
        Checks.required(to, "to");
        if (!to.isAfter(from)) {
            throw KontorException.invalidField("to", "a reservation ends after it starts");
        }
        if (Duration.between(from, to).compareTo(MAX_LENGTH) > 0) {
            throw KontorException.invalidField("to", "a reservation is at most 31 days");
        }
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Resource.streamId(resourceId);
    }
}
