package io.kontor.query.reception;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.kontor.query.frontdesk.ListDocuments;
import io.kontor.query.frontdesk.LiveScreens;
import io.kontor.query.web.ReadsView;
import io.swagger.v3.oas.annotations.Operation;
import io.kontor.query.common.Views;
import org.bson.Document;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Who is in the building, and the visitor log of a day: for the front desk. */
@RestController
@ReadsView(ReceptionProjection.GROUP)
class VisitorsController {

    private final Views views;
    private final LiveScreens live;

    VisitorsController(Views views, LiveScreens live) {
        this.views = views;
        this.live = live;
    }

    record VisitorView(String id, String name, String company, String hostId, String hostName, String purpose,
                       String checkedInAt, String checkedOutAt) {
        static VisitorView of(Document d) {
            return new VisitorView(d.getString("id"), d.getString("name"), d.getString("company"),
                    d.getString("hostId"), d.getString("hostName"), d.getString("purpose"),
                    d.getString("checkedInAt"), d.getString("checkedOutAt"));
        }
    }

    record VisitorLog(String date, List<VisitorView> visitors) {
    }

    @GetMapping("/api/visitors/on-site")
    @Operation(summary = "Visitors checked in and not yet out, by arrival (role FRONT_DESK)")
    List<VisitorView> onSite() {
        // The index names the list's parts; visitors who arrived before parts existed are in one document.
        return listed(ReceptionProjection.ON_SITE, ReceptionProjection.ON_SITE_INDEX);
    }

    @GetMapping(path = "/api/visitors/on-site/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The on-site list live: a snapshot message, then one change message (ARRIVED, LEFT) per "
            + "check-in or check-out, each with its log position (role FRONT_DESK)")
    SseEmitter onSiteStream() {
        return live.subscribe(ReceptionProjection.ON_SITE_SCREEN, ReceptionProjection.GROUP, this::onSite,
                change -> true);
    }

    @GetMapping("/api/visitors")
    @Operation(summary = "The visitor log of a day (in Denmark): every visit that began that day, with check-in and "
            + "check-out times (role FRONT_DESK)")
    VisitorLog day(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        // The day's index names its log's parts; a log from before parts existed is one document of its own.
        return new VisitorLog(date.toString(),
                listed(ReceptionProjection.dayKey(date), ReceptionProjection.logKey(date)));
    }

    /** The visitors in document {@code whole} and in every part that document {@code index} names. */
    private List<VisitorView> listed(String whole, String index) {
        List<String> keys = new ArrayList<>(List.of(whole));
        Document parts = visitors().find(Filters.eq("_id", index)).first();
        if (parts != null) {
            parts.getList(ListDocuments.ITEMS, Document.class).forEach(part -> keys.add(part.getString("id")));
        }
        return list(visitors().find(Filters.in("_id", keys)));
    }

    private static List<VisitorView> list(Iterable<Document> documents) {
        List<VisitorView> visitors = new ArrayList<>();
        documents.forEach(d -> d.getList(ListDocuments.ITEMS, Document.class)
                .forEach(item -> visitors.add(VisitorView.of(item))));
        visitors.sort(Comparator.comparing(VisitorView::checkedInAt).thenComparing(VisitorView::id));
        return visitors;
    }

    private MongoCollection<Document> visitors() {
        return views.collection(ReceptionProjection.VISITORS);
    }
}
