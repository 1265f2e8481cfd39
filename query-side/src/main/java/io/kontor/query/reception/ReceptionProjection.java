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
 * and each day's visitor log, the visits that began that day. Check-in and check-out times are the events'
 * timestamps. Each change to the on-site list is also sent to the live screen {@value #ON_SITE_SCREEN} once written.
 *
 * <p>A day's log is kept in parts, one per {@value #LOG_PART_SECONDS} seconds of check-ins ({@code log:<date>@<n>}),
 * listed by the day's index document ({@code log:<date>}): a batch rewrites only the parts its events touch, so its
 * cost does not grow with the day's visitors. A part is named by the check-in time, which the check-out event
 * carries, so a check-out finds its visit's part without a lookup. Logs written before parts existed (one document
 * {@code day:<date>}) are still read and checked out of.
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

    /** How many seconds of check-ins one part of a day's visitor log holds. */
    static final long LOG_PART_SECONDS = 10;

    /** The day's log as one document, as written before the log had parts. */
    static String dayKey(LocalDate date) {
        return "day:" + date;
    }

    /** The index of a day's visitor log: one item per part. */
    static String logKey(LocalDate date) {
        return "log:" + date;
    }

    /** The part of its day's visitor log that a visit checked in at {@code checkedInAt} belongs to. */
    static String logPart(Instant checkedInAt) {
        return logKey(FrontDesk.dayOf(checkedInAt)) + "@" + Math.floorDiv(checkedInAt.getEpochSecond(),
                LOG_PART_SECONDS);
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
        ListDocuments documents = documents();
        documents.change(ON_SITE, position, items -> ListDocuments.upsert(items, new Document(visitor)));
        String part = logPart(at);
        String index = logKey(FrontDesk.dayOf(at));
        if (!documents.contains(index, part)) {
            documents.change(index, position, items -> items.add(new Document("id", part)));
        }
        documents.change(part, position, items -> ListDocuments.upsert(items, new Document(visitor)));
        live.changed(ON_SITE_SCREEN, position, "ARRIVED", visitor);
    }

    @EventHandler
    void on(VisitorCheckedOut event, TrackingToken token, @Timestamp Instant at) {
        long position = Views.positionOf(token);
        ListDocuments documents = documents();
        documents.change(ON_SITE, position, items -> ListDocuments.remove(items, event.visitorId()));
        String part = logPart(event.checkedInAt());
        String log = documents.contains(part, event.visitorId()) ? part : dayKey(FrontDesk.dayOf(event.checkedInAt()));
        documents.change(log, position,
                items -> ListDocuments.set(items, event.visitorId(), "checkedOutAt", at.toString()));
        live.changed(ON_SITE_SCREEN, position, "LEFT", Map.of("id", event.visitorId(), "checkedOutAt", at.toString()));
    }
}
