package io.kontor.query.servicedesk;

import io.kontor.events.servicedesk.TicketAssigned;
import io.kontor.events.servicedesk.TicketCommented;
import io.kontor.events.servicedesk.TicketOpened;
import io.kontor.events.servicedesk.TicketReopened;
import io.kontor.events.servicedesk.TicketResolved;
import io.kontor.query.common.ViewCollections;
import io.kontor.query.common.Views;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.min;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;

/**
 * Folds the log into the service desk's view: one document per ticket in {@value #TICKETS}, keyed by its id, with
 * its times as the events carry them. The first response is the earliest of IT support's assignment, comment or
 * resolution ({@code $min}, so the order of a batch does not matter). The breach time is fixed at opening.
 */
@Component
@ProcessingGroup(ServiceDeskProjection.GROUP)
@ViewCollections(ServiceDeskProjection.TICKETS)
public class ServiceDeskProjection {

    public static final String GROUP = "servicedesk";
    public static final String TICKETS = "servicedesk_tickets";
    static final String FIRST_RESPONSE = "firstResponseAt";

    private final Views views;

    ServiceDeskProjection(Views views) {
        this.views = views;
    }

    @EventHandler
    void on(TicketOpened event, TrackingToken token) {
        views.batch(TICKETS).put(event.ticketId(), new Document("ticketId", event.ticketId())
                        .append("reporter", event.reporter())
                        .append("category", event.category().name())
                        .append("priority", event.priority().name())
                        .append("title", event.title())
                        .append("description", event.description())
                        .append("status", TicketStatus.OPEN.name())
                        .append("assignee", null)
                        .append("openedAt", date(event.at()))
                        .append("breachAt", date(event.at().plus(event.priority().serviceLevel())))
                        .append("resolvedAt", null)
                        .append("resolution", null)
                        .append("reopenings", 0)
                        .append("comments", List.of()),
                Views.positionOf(token));
    }

    @EventHandler
    void on(TicketAssigned event, TrackingToken token) {
        views.batch(TICKETS).update(event.ticketId(), combine(set("assignee", event.assignee()),
                min(FIRST_RESPONSE, date(event.at()))), Views.positionOf(token));
    }

    @EventHandler
    void on(TicketCommented event, TrackingToken token) {
        Document comment = new Document("commentId", event.commentId()).append("author", event.author())
                .append("bySupport", event.bySupport()).append("text", event.text()).append("at", date(event.at()));
        views.batch(TICKETS).update(event.ticketId(), event.bySupport()
                ? combine(push("comments", comment), min(FIRST_RESPONSE, date(event.at())))
                : push("comments", comment), Views.positionOf(token));
    }

    @EventHandler
    void on(TicketResolved event, TrackingToken token) {
        views.batch(TICKETS).update(event.ticketId(), combine(set("status", TicketStatus.RESOLVED.name()),
                set("resolvedAt", date(event.at())), set("resolution", event.resolution()),
                min(FIRST_RESPONSE, date(event.at()))), Views.positionOf(token));
    }

    @EventHandler
    void on(TicketReopened event, TrackingToken token) {
        views.batch(TICKETS).update(event.ticketId(), combine(set("status", TicketStatus.OPEN.name()),
                set("resolvedAt", null), set("resolution", null), inc("reopenings", 1)), Views.positionOf(token));
    }

    private static Date date(Instant at) {
        return Date.from(at);
    }
}
