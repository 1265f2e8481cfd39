package io.kontor.command.reservations;

import io.kontor.eventlog.KontorJson;
import io.kontor.events.reservations.ReservationCheckedIn;
import io.kontor.events.reservations.ReservationMade;
import io.kontor.events.reservations.ResourceKind;
import io.kontor.events.reservations.ResourceRegistered;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A resource's calendar stays bounded as bookings go by, and survives its snapshot. */
class ResourceSnapshotTest {

    private static final Instant START = Instant.parse("2027-01-04T08:00:00Z");
    private final Serializer serializer = JacksonSerializer.builder().objectMapper(KontorJson.objectMapper()).build();

    @Test
    void aYearOfDailyBookingsKeepsOnlyTheRecentOnesAndWhoeverIsCheckedIn() {
        Resource resource = new Resource();
        resource.on(new ResourceRegistered("room-1", "Room 1", ResourceKind.ROOM));
        resource.on(new ReservationMade("room-1", "r-0", "Long stay", START, START.plus(Duration.ofHours(2))),
                START.minus(Duration.ofDays(1)));
        resource.on(new ReservationCheckedIn("room-1", "r-0", START, START.plus(Duration.ofHours(2))));
        for (int day = 1; day <= 365; day++) {
            Instant from = START.plus(Duration.ofDays(day));
            // Each booked the day before it starts.
            resource.on(new ReservationMade("room-1", "r-" + day, "Guest " + day, from, from.plusSeconds(3600)),
                    from.minus(Duration.ofDays(1)));
        }

        assertThat(resource.calendarSize()).isLessThanOrEqualTo(1 + (int) Resource.RETENTION.toDays() + 2);

        Resource restored = serializer.deserialize(serializer.serialize(resource, byte[].class));
        assertThat(restored).usingRecursiveComparison().isEqualTo(resource);
    }
}
