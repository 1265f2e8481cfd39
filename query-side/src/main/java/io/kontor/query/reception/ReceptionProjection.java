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
import java.util.List;
import java.util.Map;

/**
 * Folds the log into reception's views, both in {@value #VISITORS}: who is on site now and each day's visitor log,
 * the visits that began that day. Check-in and check-out times are the events' timestamps. Each change to the on-site
 * list is also sent to the live screen {@value #ON_SITE_SCREEN} once written.
 *
 * <p>Who is on site is kept in parts too, one per second with check-ins of visitors still on site
 * ({@code on-site/<epoch second>}), listed by {@value #ON_SITE_INDEX}; a part leaves the index when its last visitor
 * leaves (the empty part stays, a few bytes). A batch thus rewrites the parts its visitors arrived in, not the whole
 * list. Visitors who arrived while the list was one document ({@value #ON_SITE}) are still listed from it and
 * removed from it when they leave.
 *
 * <p>A day's log is kept in parts, one per second with check-ins ({@code log:<date>/<epoch second>}), listed by the
 * day's index document ({@code log:<date>}): a batch rewrites only the parts its events touch, and a part holds the
 * visits of one second, so a batch's cost grows neither with the day's visitors nor with the rate of check-ins. A
 * part is named by the check-in time, which the check-out event carries, so a check-out finds its visit's part
 * without a lookup. Logs written before are still read and checked out of: parts of
 * {@value #OLDER_LOG_PART_SECONDS} seconds ({@code log:<date>@<n>}, listed by the same index), and before those one
 * document per day ({@code day:<date>}).
 */
@Component
@ProcessingGroup(ReceptionProjection.GROUP)
@ViewCollections(ReceptionProjection.VISITORS)
public class ReceptionProjection {

    public static final String GROUP = "reception";
    public static final String VISITORS = "reception_visitors";
    /** Who was on site, as one document, before the list had parts. */
    public static final String ON_SITE = "on-site";
    /** The index of who is on site: one item per part with visitors in it. */
    public static final String ON_SITE_INDEX = "on-site:parts";
    public static final String ON_SITE_SCREEN = "visitors-on-site";

    private final Views views;
    private final LiveScreens live;

    ReceptionProjection(Views views, LiveScreens live) {
        this.views = views;
        this.live = live;
    }

    /** How many seconds of check-ins one part of a day's visitor log held before parts were one second. */
    static final long OLDER_LOG_PART_SECONDS = 10;

    /** The part of the on-site list that a visitor who checked in at {@code checkedInAt} is in while on site. */
    static String onSitePart(Instant checkedInAt) {
        return ON_SITE + "/" + checkedInAt.getEpochSecond();
    }

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
        return logKey(FrontDesk.dayOf(checkedInAt)) + "/" + checkedInAt.getEpochSecond();
    }

    /** The part that held a visit checked in at {@code checkedInAt} when parts were ten seconds. */
    static String olderLogPart(Instant checkedInAt) {
        return logKey(FrontDesk.dayOf(checkedInAt)) + "@" + Math.floorDiv(checkedInAt.getEpochSecond(),
                OLDER_LOG_PART_SECONDS);
    }

    /** The document of the day's log that holds the visit: its part, an older part, or the day's one document. */
    private static String logOf(ListDocuments documents, String visitorId, Instant checkedInAt) {
        for (String part : List.of(logPart(checkedInAt), olderLogPart(checkedInAt))) {
            if (documents.contains(part, visitorId)) {
                return part;
            }
        }
        return dayKey(FrontDesk.dayOf(checkedInAt));
    }

    private ListDocuments documents() {
        return ListDocuments.of(views, VISITORS);
    }

    /** Puts a copy of {@code visitor} into {@code part}, and lists the part in {@code index} if it is not yet. */
    private static void addToPart(ListDocuments documents, String index, String part, Document visitor,
                                  long position) {
        if (!documents.contains(index, part)) {
            documents.change(index, position, items -> items.add(new Document("id", part)));
        }
        documents.change(part, position, items -> ListDocuments.upsert(items, new Document(visitor)));
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
        addToPart(documents, ON_SITE_INDEX, onSitePart(at), visitor, position);
        addToPart(documents, logKey(FrontDesk.dayOf(at)), logPart(at), visitor, position);
        live.changed(ON_SITE_SCREEN, position, "ARRIVED", visitor);
    }

    @EventHandler
    void on(VisitorCheckedOut event, TrackingToken token, @Timestamp Instant at) {
        long position = Views.positionOf(token);
        ListDocuments documents = documents();
        String here = onSitePart(event.checkedInAt());
        if (documents.contains(here, event.visitorId())) {
            documents.change(here, position, items -> ListDocuments.remove(items, event.visitorId()));
            if (documents.isEmpty(here)) {
                documents.change(ON_SITE_INDEX, position, items -> ListDocuments.remove(items, here));
            }
        } else if (documents.contains(ON_SITE, event.visitorId())) {
            documents.change(ON_SITE, position, items -> ListDocuments.remove(items, event.visitorId()));
        }
        String log = logOf(documents, event.visitorId(), event.checkedInAt());
        documents.change(log, position,
                items -> ListDocuments.set(items, event.visitorId(), "checkedOutAt", at.toString()));
        live.changed(ON_SITE_SCREEN, position, "LEFT", Map.of("id", event.visitorId(), "checkedOutAt", at.toString()));
    }
}
