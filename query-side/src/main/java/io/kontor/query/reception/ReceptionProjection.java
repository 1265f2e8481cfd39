package io.kontor.query.reception;

import io.kontor.events.reception.VisitorCheckedIn;
import io.kontor.events.reception.VisitorCheckedOut;
import io.kontor.query.common.ViewCollections;
import io.kontor.query.common.Views;
import io.kontor.query.frontdesk.FrontDesk;
import io.kontor.query.frontdesk.ListDocuments;
import io.kontor.query.frontdesk.LiveScreens;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Folds the log into reception's views, both in {@value #VISITORS}: who is on site now (document {@value #ON_SITE})
 * and each day's visitor log (document {@code day:<date>}, the visits that began that day). Check-in and check-out
 * times are the events' timestamps. Each change to the on-site list is also sent to the live screen
 * {@value #ON_SITE_SCREEN} once written.
 */
@Component
@ProcessingGroup(ReceptionProjection.GROUP)
@ViewCollections(ReceptionProjection.VISITORS)
public class ReceptionProjection {

    public static final String GROUP = "reception";
    public static final String VISITORS = "reception_visitors";
    public static final String ON_SITE = "on-site";
    public static final String ON_SITE_SCREEN = "visitors-on-site";

    private final Views views;
    private final LiveScreens live;

    ReceptionProjection(Views views, LiveScreens live) {
        this.views = views;
        this.live = live;
    }

    static String dayKey(LocalDate date) {
        return "day:" + date;
    }

    private ListDocuments documents() {
        return ListDocuments.of(views, VISITORS);
    }

    @EventHandler
    void on(VisitorCheckedIn event, TrackingToken token, @Timestamp Instant at) {
        long position = Views.positionOf(token);
        Document visitor = new Document("id", event.visitorId())
                .append("name", event.name())
                .append("company", event.company())
                .append("hostId", event.hostId())
                .append("hostName", event.hostName())
                .append("purpose", event.purpose())
                .append("checkedInAt", at.toString())
                .append("checkedOutAt", null);
        documents().change(ON_SITE, position, items -> ListDocuments.upsert(items, new Document(visitor)));
        documents().change(dayKey(FrontDesk.dayOf(at)), position,
                items -> ListDocuments.upsert(items, new Document(visitor)));
        live.changed(ON_SITE_SCREEN, position, "ARRIVED", visitor);
    }

    @EventHandler
    void on(VisitorCheckedOut event, TrackingToken token, @Timestamp Instant at) {
        long position = Views.positionOf(token);
        documents().change(ON_SITE, position, items -> ListDocuments.remove(items, event.visitorId()));
        documents().change(dayKey(FrontDesk.dayOf(event.checkedInAt())), position,
                items -> ListDocuments.set(items, event.visitorId(), "checkedOutAt", at.toString()));
        live.changed(ON_SITE_SCREEN, position, "LEFT", Map.of("id", event.visitorId(), "checkedOutAt", at.toString()));
    }
}
