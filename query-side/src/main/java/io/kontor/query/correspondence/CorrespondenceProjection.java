package io.kontor.query.correspondence;

import io.kontor.events.correspondence.EnquiryAnswered;
import io.kontor.events.correspondence.EnquiryOpened;
import io.kontor.events.correspondence.MailArchived;
import io.kontor.events.correspondence.MailDelivered;
import io.kontor.events.correspondence.MailRegistered;
import io.kontor.events.correspondence.PhoneMessageDelivered;
import io.kontor.events.correspondence.PhoneMessageTaken;
import io.kontor.query.common.ViewCollections;
import io.kontor.query.common.Views;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

/**
 * Folds the front desk's correspondence into three views, one document per thing keyed by its id: phone messages in
 * {@value #CALLS}, customer enquiries in {@value #ENQUIRIES} and the mail room's register in {@value #MAIL}. Every
 * time shown is an event's own timestamp, so a replay writes the same documents.
 */
@Component
@ProcessingGroup(CorrespondenceProjection.GROUP)
@ViewCollections({CorrespondenceProjection.CALLS, CorrespondenceProjection.ENQUIRIES, CorrespondenceProjection.MAIL})
public class CorrespondenceProjection {

    public static final String GROUP = "correspondence";
    public static final String CALLS = "correspondence_calls";
    public static final String ENQUIRIES = "correspondence_enquiries";
    public static final String MAIL = "correspondence_mail";

    /** A mail document's status. */
    enum MailStatus { UNDELIVERED, DELIVERED, ARCHIVED }

    private final Views views;

    CorrespondenceProjection(Views views) {
        this.views = views;
    }

    @EventHandler
    void on(PhoneMessageTaken event, @Timestamp Instant at, TrackingToken token) {
        views.batch(CALLS).put(event.callId(), new Document("callId", event.callId())
                        .append("caller", event.caller())
                        .append("phone", event.phone())
                        .append("forEmployee", event.forEmployee())
                        .append("message", event.message())
                        .append("takenAt", at.toString())
                        .append("delivered", false)
                        .append("deliveredAt", null),
                Views.positionOf(token));
    }

    @EventHandler
    void on(PhoneMessageDelivered event, @Timestamp Instant at, TrackingToken token) {
        views.batch(CALLS).update(event.callId(), combine(set("delivered", true), set("deliveredAt", at.toString())),
                Views.positionOf(token));
    }

    @EventHandler
    void on(EnquiryOpened event, @Timestamp Instant at, TrackingToken token) {
        views.batch(ENQUIRIES).put(event.enquiryId(), new Document("enquiryId", event.enquiryId())
                        .append("customer", event.customer())
                        .append("channel", event.channel().name())
                        .append("subject", event.subject())
                        .append("openedAt", at.toString())
                        .append("open", true)
                        .append("answer", null)
                        .append("answeredAt", null),
                Views.positionOf(token));
    }

    @EventHandler
    void on(EnquiryAnswered event, @Timestamp Instant at, TrackingToken token) {
        views.batch(ENQUIRIES).update(event.enquiryId(), combine(set("open", false), set("answer", event.answer()),
                set("answeredAt", at.toString())), Views.positionOf(token));
    }

    @EventHandler
    void on(MailRegistered event, @Timestamp Instant at, TrackingToken token) {
        views.batch(MAIL).put(event.mailId(), new Document("mailId", event.mailId())
                        .append("sender", event.sender())
                        .append("recipient", event.recipient())
                        .append("kind", event.kind().name())
                        .append("status", MailStatus.UNDELIVERED.name())
                        .append("registeredAt", at.toString())
                        .append("deliveredAt", null)
                        .append("archivedOn", null)
                        .append("retentionYears", null)
                        .append("retainUntil", null),
                Views.positionOf(token));
    }

    @EventHandler
    void on(MailDelivered event, @Timestamp Instant at, TrackingToken token) {
        views.batch(MAIL).update(event.mailId(), combine(set("status", MailStatus.DELIVERED.name()),
                set("deliveredAt", at.toString())), Views.positionOf(token));
    }

    @EventHandler
    void on(MailArchived event, TrackingToken token) {
        views.batch(MAIL).update(event.mailId(), combine(set("status", MailStatus.ARCHIVED.name()),
                set("archivedOn", event.archivedOn().toString()), set("retentionYears", event.retentionYears()),
                set("retainUntil", event.retainUntil().toString())), Views.positionOf(token));
    }
}
