package io.kontor.query.reservations;

import io.kontor.events.reservations.ReservationCancelled;
import io.kontor.events.reservations.ReservationCheckedIn;
import io.kontor.events.reservations.ReservationCheckedOut;
import io.kontor.events.reservations.ReservationMade;
import io.kontor.events.reservations.ResourceRegistered;
import io.kontor.query.common.ViewCollections;
import io.kontor.query.common.Views;
import io.kontor.query.frontdesk.FrontDesk;
import io.kontor.query.frontdesk.ListDocuments;
import io.kontor.query.frontdesk.LiveScreens;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Folds the log into the reservation views: the resources in {@value #RESOURCES}, and each resource's days in
 * {@value #DAYS} (document {@code <resource>|<date>}, the reservations touching that day in Denmark, with their
 * state), so a calendar, the occupancy of a day and today's list read their documents by key. Every change is also
 * sent to the live screen {@value #SCREEN} once written.
 */
@Component
@ProcessingGroup(ReservationsProjection.GROUP)
@ViewCollections({ReservationsProjection.RESOURCES, ReservationsProjection.DAYS})
public class ReservationsProjection {

    public static final String GROUP = "reservations";
    public static final String RESOURCES = "reservations_resources";
    public static final String DAYS = "reservations_days";
    public static final String SCREEN = "reservations";

    private final Views views;
    private final LiveScreens live;

    ReservationsProjection(Views views, LiveScreens live) {
        this.views = views;
        this.live = live;
    }

    static String dayKey(String resourceId, LocalDate date) {
        return resourceId + "|" + date;
    }

    @EventHandler
    void on(ResourceRegistered event, TrackingToken token) {
        views.batch(RESOURCES).put(event.resourceId(), new Document("resourceId", event.resourceId())
                .append("name", event.name()).append("kind", event.kind().name()), Views.positionOf(token));
    }

    @EventHandler
    void on(ReservationMade event, TrackingToken token) {
        long position = Views.positionOf(token);
        Map<String, Object> item = item(event.resourceId(), event.reservationId(), event.from(), event.to(), "BOOKED");
        item.put("customer", event.customer());
        change(event.resourceId(), event.from(), event.to(), position,
                days -> ListDocuments.upsert(days, new Document(item)));
        live.changed(SCREEN, position, "RESERVED", item);
    }

    @EventHandler
    void on(ReservationCancelled event, TrackingToken token) {
        status(event.resourceId(), event.reservationId(), event.from(), event.to(), "CANCELLED", token);
    }

    @EventHandler
    void on(ReservationCheckedIn event, TrackingToken token) {
        status(event.resourceId(), event.reservationId(), event.from(), event.to(), "CHECKED_IN", token);
    }

    @EventHandler
    void on(ReservationCheckedOut event, TrackingToken token) {
        status(event.resourceId(), event.reservationId(), event.from(), event.to(), "CHECKED_OUT", token);
    }

    private void status(String resourceId, String reservationId, Instant from, Instant to, String status,
                        TrackingToken token) {
        long position = Views.positionOf(token);
        change(resourceId, from, to, position, items -> ListDocuments.set(items, reservationId, "status", status));
        live.changed(SCREEN, position, status, item(resourceId, reservationId, from, to, status));
    }

    /** Every day in Denmark the slot touches, from the day it starts to the day of its last instant. */
    private void change(String resourceId, Instant from, Instant to, long position,
                        Consumer<List<Document>> change) {
        ListDocuments days = ListDocuments.of(views, DAYS);
        LocalDate last = FrontDesk.dayOf(to.minusNanos(1));
        for (LocalDate day = FrontDesk.dayOf(from); !day.isAfter(last); day = day.plusDays(1)) {
            days.change(dayKey(resourceId, day), position, change);
        }
    }

    private static Map<String, Object> item(String resourceId, String reservationId, Instant from, Instant to,
                                            String status) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", reservationId);
        item.put("resource", resourceId);
        item.put("from", from.toString());
        item.put("to", to.toString());
        item.put("status", status);
        return item;
    }
}
