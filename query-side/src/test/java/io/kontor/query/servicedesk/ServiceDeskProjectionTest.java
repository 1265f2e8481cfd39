package io.kontor.query.servicedesk;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.kontor.eventlog.testing.TestMongo;
import io.kontor.events.servicedesk.TicketAssigned;
import io.kontor.events.servicedesk.TicketCategory;
import io.kontor.events.servicedesk.TicketCommented;
import io.kontor.events.servicedesk.TicketOpened;
import io.kontor.events.servicedesk.TicketPriority;
import io.kontor.events.servicedesk.TicketReopened;
import io.kontor.events.servicedesk.TicketResolved;
import io.kontor.query.common.ProjectionHarness;
import io.kontor.query.common.Views;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceDeskProjectionTest {

    private static final Instant AT = Instant.parse("2026-11-27T08:00:00Z");

    private final MongoDatabase database = TestMongo.freshDatabase();
    private final ProjectionHarness harness = new ProjectionHarness(new ServiceDeskProjection(new Views(database)));

    private TicketView ticket(String id) {
        return TicketView.of(database.getCollection(ServiceDeskProjection.TICKETS).find(Filters.eq("_id", id)).first());
    }

    @Test
    void aTicketsLifeIsFoldedWithItsBreachTimeAndFirstResponse() {
        harness.batch(new TicketOpened("t-1", "frontdesk", TicketCategory.HARDWARE, TicketPriority.P1, "Down",
                        "No network", AT),
                new TicketCommented("t-1", "c-1", "frontdesk", false, "still down", AT.plusSeconds(600)));
        harness.batch(new TicketCommented("t-1", "c-2", "itsupport", true, "looking", AT.plusSeconds(1200)),
                new TicketAssigned("t-1", "bob", "itsupport", AT.plusSeconds(1800)),
                new TicketResolved("t-1", "cable", "bob", AT.plusSeconds(3600)));

        TicketView resolved = ticket("t-1");
        assertThat(resolved.breachAt()).isEqualTo(AT.plusSeconds(4 * 3600));
        // The reporter's own comment is no response; IT support's comment is the first.
        assertThat(resolved.firstResponseAt()).isEqualTo(AT.plusSeconds(1200));
        assertThat(resolved.status()).isEqualTo("RESOLVED");
        assertThat(resolved.assignee()).isEqualTo("bob");
        assertThat(resolved.comments()).extracting(TicketView.Comment::commentId).containsExactly("c-1", "c-2");

        harness.batch(new TicketReopened("t-1", "down again", "itsupport", AT.plusSeconds(7200)));
        TicketView reopened = ticket("t-1");
        assertThat(reopened.status()).isEqualTo("OPEN");
        assertThat(reopened.resolvedAt()).isNull();
        assertThat(reopened.reopenings()).isEqualTo(1);
        assertThat(reopened.breachAt()).as("the clock does not restart").isEqualTo(AT.plusSeconds(4 * 3600));
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        long first = harness.batch(new TicketOpened("t-2", "hr", TicketCategory.ACCESS, TicketPriority.P3, "VPN",
                        "no access", AT),
                new TicketCommented("t-2", "c-1", "itsupport", true, "reset", AT.plusSeconds(60)));

        harness.redeliver(first, 2);

        assertThat(ticket("t-2").comments()).hasSize(1);
    }
}
