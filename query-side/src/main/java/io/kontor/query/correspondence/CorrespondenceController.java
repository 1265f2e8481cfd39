package io.kontor.query.correspondence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.kontor.query.web.ReadsView;
import io.kontor.shared.KontorException;
import io.swagger.v3.oas.annotations.Operation;
import io.kontor.query.common.Views;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The front desk's phone messages, customer enquiries and mail room register. */
@RestController
@ReadsView(CorrespondenceProjection.GROUP)
class CorrespondenceController {

    private final Views views;
    private final Clock clock;

    @Autowired
    CorrespondenceController(Views views) {
        this(views, Clock.systemUTC());
    }

    CorrespondenceController(Views views, Clock clock) {
        this.views = views;
        this.clock = clock;
    }

    record CallView(String id, String caller, String phone, String forEmployee, String message, String takenAt,
                    boolean delivered, String deliveredAt) {
        static CallView of(Document d) {
            return new CallView(d.getString("callId"), d.getString("caller"), d.getString("phone"),
                    d.getString("forEmployee"), d.getString("message"), d.getString("takenAt"),
                    d.getBoolean("delivered"), d.getString("deliveredAt"));
        }
    }

    /**
     * {@code age} is ISO-8601 ({@code PT2H5M}) and {@code ageSeconds} the same in seconds: for an open enquiry from
     * its opening to the answer's {@code asOf}, for an answered one from its opening to its answer.
     */
    record EnquiryView(String id, String customer, String channel, String subject, String openedAt, boolean open,
                       String answer, String answeredAt, String age, long ageSeconds) {
        static EnquiryView of(Document d, Instant asOf) {
            Instant opened = Instant.parse(d.getString("openedAt"));
            boolean open = d.getBoolean("open");
            Instant until = open ? asOf : Instant.parse(d.getString("answeredAt"));
            Duration age = until.isBefore(opened) ? Duration.ZERO : Duration.between(opened, until);
            return new EnquiryView(d.getString("enquiryId"), d.getString("customer"), d.getString("channel"),
                    d.getString("subject"), d.getString("openedAt"), open, d.getString("answer"),
                    d.getString("answeredAt"), age.toString(), age.toSeconds());
        }
    }

    record Enquiries(String asOf, List<EnquiryView> enquiries) {
    }

    record MailView(String id, String sender, String recipient, String kind, String status, String registeredAt,
                    String deliveredAt, String archivedOn, Integer retentionYears, String retainUntil) {
        static MailView of(Document d) {
            return new MailView(d.getString("mailId"), d.getString("sender"), d.getString("recipient"),
                    d.getString("kind"), d.getString("status"), d.getString("registeredAt"),
                    d.getString("deliveredAt"), d.getString("archivedOn"), d.getInteger("retentionYears"),
                    d.getString("retainUntil"));
        }
    }

    @GetMapping("/api/calls")
    @Operation(summary = "Phone messages, oldest first: for one employee if forEmployee is given; open=true (the "
            + "default) lists those not yet delivered, open=false all of them (role FRONT_DESK)")
    List<CallView> calls(@RequestParam(required = false) String forEmployee,
                         @RequestParam(defaultValue = "true") boolean open) {
        List<Bson> filters = new ArrayList<>();
        if (forEmployee != null && !forEmployee.isBlank()) {
            filters.add(Filters.eq("forEmployee", forEmployee));
        }
        if (open) {
            filters.add(Filters.eq("delivered", false));
        }
        List<CallView> result = new ArrayList<>();
        find(calls(), filters).forEach(d -> result.add(CallView.of(d)));
        result.sort(Comparator.comparing((CallView call) -> Instant.parse(call.takenAt())).thenComparing(CallView::id));
        return result;
    }

    @GetMapping("/api/enquiries")
    @Operation(summary = "Customer enquiries, oldest first: open=true (the default) lists the open ones, open=false "
            + "the answered ones too. Each open enquiry's age runs from its opening to now, by the query side's "
            + "clock, or to asOf (an ISO-8601 instant) when given (role FRONT_DESK)")
    Enquiries enquiries(@RequestParam(defaultValue = "true") boolean open,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                        Instant asOf) {
        Instant at = asOf == null ? clock.instant() : asOf;
        List<EnquiryView> result = new ArrayList<>();
        find(enquiries(), open ? List.of(Filters.eq("open", true)) : List.of())
                .forEach(d -> result.add(EnquiryView.of(d, at)));
        result.sort(Comparator.comparing((EnquiryView e) -> Instant.parse(e.openedAt())).thenComparing(EnquiryView::id));
        return new Enquiries(at.toString(), result);
    }

    @GetMapping("/api/mail")
    @Operation(summary = "The mail room's register, oldest first; status UNDELIVERED (waiting for its recipient), "
            + "DELIVERED or ARCHIVED (the archive register, each with its retainUntil); all without (role FRONT_DESK)")
    List<MailView> mail(@RequestParam(required = false) String status) {
        List<MailView> result = new ArrayList<>();
        find(mail(), status == null ? List.of() : List.of(Filters.eq("status", status(status))))
                .forEach(d -> result.add(MailView.of(d)));
        result.sort(Comparator.comparing((MailView m) -> Instant.parse(m.registeredAt())).thenComparing(MailView::id));
        return result;
    }

    private static Iterable<Document> find(MongoCollection<Document> collection, List<Bson> filters) {
        return filters.isEmpty() ? collection.find() : collection.find(Filters.and(filters));
    }

    private static String status(String given) {
        try {
            return CorrespondenceProjection.MailStatus.valueOf(given.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw KontorException.invalidField("status", "status is one of UNDELIVERED, DELIVERED, ARCHIVED");
        }
    }

    private MongoCollection<Document> calls() {
        return views.collection(CorrespondenceProjection.CALLS);
    }

    private MongoCollection<Document> enquiries() {
        return views.collection(CorrespondenceProjection.ENQUIRIES);
    }

    private MongoCollection<Document> mail() {
        return views.collection(CorrespondenceProjection.MAIL);
    }
}
