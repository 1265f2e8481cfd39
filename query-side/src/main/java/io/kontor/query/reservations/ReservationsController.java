package io.kontor.query.reservations;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.kontor.query.frontdesk.FrontDesk;
import io.kontor.query.frontdesk.ListDocuments;
import io.kontor.query.frontdesk.LiveScreens;
import io.kontor.query.web.ReadsView;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import io.swagger.v3.oas.annotations.Operation;
import io.kontor.query.common.Views;
import org.bson.Document;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Resources, their calendars, today's reservations (also live) and the occupancy of a day: for the front desk. */
@RestController
@ReadsView(ReservationsProjection.GROUP)
class ReservationsController {

    static final int MAX_DAYS = 62;
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private final Views views;
    private final LiveScreens live;

    ReservationsController(Views views, LiveScreens live) {
        this.views = views;
        this.live = live;
    }

    record ResourceView(String id, String name, String kind) {
    }

    record ReservationView(String id, String resource, String customer, String from, String to, String status) {
        static ReservationView of(Document d) {
            return new ReservationView(d.getString("id"), d.getString("resource"), d.getString("customer"),
                    d.getString("from"), d.getString("to"), d.getString("status"));
        }
    }

    record Calendar(String resource, String from, String to, List<ReservationView> reservations) {
    }

    record ResourceOccupancy(String resource, String name, String kind, String bookedHours, String share) {
    }

    record KindOccupancy(String kind, int resources, String bookedHours, String share) {
    }

    record Occupancy(String date, String hoursInDay, List<ResourceOccupancy> resources, List<KindOccupancy> kinds) {
    }

    @GetMapping("/api/resources")
    @Operation(summary = "The bookable resources (role FRONT_DESK)")
    List<ResourceView> resources() {
        List<ResourceView> result = new ArrayList<>();
        for (Document d : resourceDocuments().find().sort(Sorts.ascending("_id"))) {
            result.add(new ResourceView(d.getString("resourceId"), d.getString("name"), d.getString("kind")));
        }
        return result;
    }

    @GetMapping("/api/reservations")
    @Operation(summary = "The calendar: reservations touching the days from..to (in Denmark, at most 62 days) of "
            + "one resource, or of all when none is given, by start, with their state (role FRONT_DESK)")
    Calendar calendar(@RequestParam(required = false) String resource,
                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (to.isBefore(from)) {
            throw KontorException.invalidField("to", "to must not be before from");
        }
        if (from.plusDays(MAX_DAYS - 1).isBefore(to)) {
            throw KontorException.invalidField("to", "a calendar covers at most " + MAX_DAYS + " days");
        }
        List<String> ids;
        if (resource == null) {
            ids = resources().stream().map(ResourceView::id).toList();
        } else if (resourceDocuments().find(Filters.eq("_id", resource)).first() == null) {
            throw new KontorException(ErrorCode.NOT_FOUND, "no resource " + resource, Map.of("field", "resource"));
        } else {
            ids = List.of(resource);
        }
        List<String> keys = new ArrayList<>();
        for (String id : ids) {
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                keys.add(ReservationsProjection.dayKey(id, day));
            }
        }
        return new Calendar(resource, from.toString(), to.toString(), reservations(keys));
    }

    @GetMapping("/api/reservations/today")
    @Operation(summary = "Today's reservations (in Denmark) of every resource, by start (role FRONT_DESK)")
    List<ReservationView> today() {
        LocalDate today = FrontDesk.dayOf(Instant.now());
        return reservations(resources().stream().map(r -> ReservationsProjection.dayKey(r.id(), today)).toList());
    }

    @GetMapping(path = "/api/reservations/today/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Today's reservations live: a snapshot message, then one change message (RESERVED, "
            + "CANCELLED, CHECKED_IN, CHECKED_OUT) per change of a reservation touching today, each with its log "
            + "position (role FRONT_DESK)")
    SseEmitter todayStream() {
        return live.subscribe(ReservationsProjection.SCREEN, ReservationsProjection.GROUP, this::today,
                change -> touchesToday((Map<?, ?>) change.item()));
    }

    @GetMapping("/api/reservations/occupancy")
    @Operation(summary = "How much of a day (in Denmark) each resource, and each kind of resource, is reserved: "
            + "hours not cancelled, and their share of the day (role FRONT_DESK)")
    Occupancy occupancy(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Instant start = FrontDesk.startOf(date);
        Instant end = FrontDesk.startOf(date.plusDays(1));
        BigDecimal dayHours = hours(Duration.between(start, end));
        Map<String, Document> byKey = new LinkedHashMap<>();
        List<ResourceView> all = resources();
        List<String> keys = all.stream().map(r -> ReservationsProjection.dayKey(r.id(), date)).toList();
        days().find(Filters.in("_id", keys)).forEach(d -> byKey.put(d.getString("_id"), d));
        List<ResourceOccupancy> perResource = new ArrayList<>();
        Map<String, BigDecimal> kindHours = new TreeMap<>();
        Map<String, Integer> kindCount = new TreeMap<>();
        for (ResourceView resource : all) {
            Document day = byKey.get(ReservationsProjection.dayKey(resource.id(), date));
            BigDecimal booked = hours(booked(day, start, end));
            perResource.add(new ResourceOccupancy(resource.id(), resource.name(), resource.kind(),
                    booked.toPlainString(), share(booked, dayHours)));
            kindHours.merge(resource.kind(), booked, BigDecimal::add);
            kindCount.merge(resource.kind(), 1, Integer::sum);
        }
        List<KindOccupancy> perKind = kindHours.entrySet().stream().map(e -> new KindOccupancy(e.getKey(),
                kindCount.get(e.getKey()), e.getValue().toPlainString(),
                share(e.getValue(), dayHours.multiply(BigDecimal.valueOf(kindCount.get(e.getKey())))))).toList();
        return new Occupancy(date.toString(), dayHours.toPlainString(), perResource, perKind);
    }

    /** The time within start..end covered by reservations that are not cancelled, overlaps counted once. */
    static Duration booked(Document day, Instant start, Instant end) {
        if (day == null) {
            return Duration.ZERO;
        }
        List<Instant[]> slots = day.getList(ListDocuments.ITEMS, Document.class).stream()
                .filter(item -> !"CANCELLED".equals(item.getString("status")))
                .map(item -> new Instant[]{max(start, Instant.parse(item.getString("from"))),
                        min(end, Instant.parse(item.getString("to")))})
                .filter(slot -> slot[0].isBefore(slot[1]))
                .sorted(Comparator.comparing(slot -> slot[0]))
                .toList();
        Duration total = Duration.ZERO;
        Instant coveredTo = start;
        for (Instant[] slot : slots) {
            Instant from = max(slot[0], coveredTo);
            if (from.isBefore(slot[1])) {
                total = total.plus(Duration.between(from, slot[1]));
                coveredTo = slot[1];
            }
        }
        return total;
    }

    private List<ReservationView> reservations(List<String> keys) {
        Map<String, ReservationView> found = new LinkedHashMap<>();
        if (!keys.isEmpty()) {
            for (Document d : days().find(Filters.in("_id", keys))) {
                d.getList(ListDocuments.ITEMS, Document.class)
                        .forEach(item -> found.putIfAbsent(item.getString("id"), ReservationView.of(item)));
            }
        }
        return found.values().stream().sorted(Comparator.comparing(ReservationView::from)
                .thenComparing(ReservationView::resource).thenComparing(ReservationView::id)).toList();
    }

    private static boolean touchesToday(Map<?, ?> item) {
        LocalDate today = FrontDesk.dayOf(Instant.now());
        Instant from = Instant.parse((String) item.get("from"));
        Instant to = Instant.parse((String) item.get("to"));
        return from.isBefore(FrontDesk.startOf(today.plusDays(1))) && to.isAfter(FrontDesk.startOf(today));
    }

    private static BigDecimal hours(Duration duration) {
        return BigDecimal.valueOf(duration.toSeconds()).divide(SECONDS_PER_HOUR, 2, RoundingMode.HALF_EVEN);
    }

    private static String share(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? "0.0000" : part.divide(whole, 4, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private MongoCollection<Document> resourceDocuments() {
        return views.collection(ReservationsProjection.RESOURCES);
    }

    private MongoCollection<Document> days() {
        return views.collection(ReservationsProjection.DAYS);
    }
}
