package io.kontor.query.correspondence;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.kontor.eventlog.testing.TestMongo;
import io.kontor.events.correspondence.EnquiryAnswered;
import io.kontor.events.correspondence.EnquiryChannel;
import io.kontor.events.correspondence.EnquiryOpened;
import io.kontor.events.correspondence.MailArchived;
import io.kontor.events.correspondence.MailDelivered;
import io.kontor.events.correspondence.MailKind;
import io.kontor.events.correspondence.MailRegistered;
import io.kontor.events.correspondence.PhoneMessageDelivered;
import io.kontor.events.correspondence.PhoneMessageTaken;
import io.kontor.query.common.Views;
import io.kontor.shared.KontorException;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Events in, documents out: each at its own timestamp and log position, applied in batches like the processor. */
class CorrespondenceProjectionTest {

    private static final Instant NINE = Instant.parse("2026-11-27T08:00:00Z");
    private static final Instant NOON = Instant.parse("2026-11-27T11:00:00Z");

    private final MongoDatabase database = TestMongo.freshDatabase();
    private final Views views = new Views(database);
    private final AnnotationEventHandlerAdapter handlers =
            new AnnotationEventHandlerAdapter(new CorrespondenceProjection(views));
    private final CorrespondenceController queries =
            new CorrespondenceController(views, Clock.fixed(NOON, ZoneOffset.UTC));
    private final List<EventMessage<?>> log = new ArrayList<>();

    /** Appends each event at the next position, stamped {@code minutes} after nine, and applies them as one batch. */
    private long batch(int minutes, Object... events) {
        long first = log.size() + 1;
        for (Object event : events) {
            log.add(new GenericEventMessage<>(UUID.randomUUID().toString(), event, MetaData.emptyInstance(),
                    NINE.plusSeconds(60L * minutes)));
        }
        applyAt(first, log.subList((int) first - 1, log.size()));
        return first;
    }

    private void applyAt(long firstPosition, List<EventMessage<?>> messages) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            long position = firstPosition;
            for (EventMessage<?> message : messages) {
                handlers.handle(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position++), message));
            }
        } catch (Exception e) {
            batch.rollback(e);
            throw new IllegalStateException(e);
        }
        batch.commit();
    }

    private List<Document> documents(String collection) {
        List<Document> all = new ArrayList<>();
        database.getCollection(collection).find().forEach(all::add);
        return all;
    }

    @Test
    void openMessagesPerEmployeeOldestFirstTakenAtTheEventTime() {
        batch(5, new PhoneMessageTaken("c-2", "Karen Lund", "+45 33 12 34 56", "anna", "Lease"));
        batch(0, new PhoneMessageTaken("c-1", "Ole Dam", null, "anna", "Invoice 17"),
                new PhoneMessageTaken("c-3", "Ib Juul", null, "bo", "Delivery"));
        batch(30, new PhoneMessageDelivered("c-1", "anna"));

        assertThat(queries.calls("anna", true)).extracting(CorrespondenceController.CallView::id)
                .containsExactly("c-2");
        assertThat(queries.calls("anna", true).get(0).takenAt()).isEqualTo("2026-11-27T08:05:00Z");
        assertThat(queries.calls("anna", false)).extracting(CorrespondenceController.CallView::id)
                .containsExactly("c-1", "c-2");
        CorrespondenceController.CallView delivered = queries.calls("anna", false).get(0);
        assertThat(delivered.delivered()).isTrue();
        assertThat(delivered.deliveredAt()).isEqualTo("2026-11-27T08:30:00Z");
        assertThat(queries.calls(null, true)).extracting(CorrespondenceController.CallView::id)
                .containsExactly("c-3", "c-2");
    }

    @Test
    void anOpenEnquiryAgesByTheQueryClockOrAsOfAndAnAnsweredOneByItsAnswer() {
        batch(0, new EnquiryOpened("e-1", "Hansen ApS", EnquiryChannel.EMAIL, "Christmas hours"),
                new EnquiryOpened("e-2", "Jens Bo", EnquiryChannel.WALK_IN, "Parking"));
        batch(45, new EnquiryAnswered("e-2", "Behind the building"));

        CorrespondenceController.Enquiries open = queries.enquiries(true, null);
        assertThat(open.asOf()).isEqualTo(NOON.toString());
        assertThat(open.enquiries()).extracting(CorrespondenceController.EnquiryView::id).containsExactly("e-1");
        assertThat(open.enquiries().get(0).age()).isEqualTo("PT3H");
        assertThat(open.enquiries().get(0).ageSeconds()).isEqualTo(3 * 3600);
        assertThat(queries.enquiries(true, NINE.plusSeconds(600)).enquiries().get(0).age()).isEqualTo("PT10M");

        CorrespondenceController.Enquiries all = queries.enquiries(false, null);
        assertThat(all.enquiries()).extracting(CorrespondenceController.EnquiryView::id).containsExactly("e-1", "e-2");
        CorrespondenceController.EnquiryView answered = all.enquiries().get(1);
        assertThat(answered.open()).isFalse();
        assertThat(answered.answer()).isEqualTo("Behind the building");
        assertThat(answered.channel()).isEqualTo("WALK_IN");
        assertThat(answered.age()).isEqualTo("PT45M");
    }

    @Test
    void theMailRegisterByStatusWithTheArchiveRetention() {
        batch(0, new MailRegistered("m-1", "Skattestyrelsen", "Accounts", MailKind.LETTER),
                new MailRegistered("m-2", "DHL", "Stores", MailKind.PARCEL),
                new MailRegistered("m-3", "Landlord", "Management", MailKind.DOCUMENT));
        batch(10, new MailDelivered("m-1"), new MailDelivered("m-2"));
        batch(20, new MailArchived("m-1", 5, LocalDate.of(2026, 11, 27),
                LocalDate.of(2031, 12, 31)));

        assertThat(queries.mail("UNDELIVERED")).extracting(CorrespondenceController.MailView::id)
                .containsExactly("m-3");
        assertThat(queries.mail("delivered")).extracting(CorrespondenceController.MailView::id)
                .containsExactly("m-2");
        List<CorrespondenceController.MailView> archive = queries.mail("ARCHIVED");
        assertThat(archive).containsExactly(new CorrespondenceController.MailView("m-1", "Skattestyrelsen",
                "Accounts", "LETTER", "ARCHIVED", "2026-11-27T08:00:00Z", "2026-11-27T08:10:00Z", "2026-11-27", 5,
                "2031-12-31"));
        assertThat(queries.mail(null)).hasSize(3);
        assertThatThrownBy(() -> queries.mail("LOST")).isInstanceOf(KontorException.class);
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        long first = batch(0, new PhoneMessageTaken("c-1", "Ole Dam", null, "anna", "Invoice 17"),
                new EnquiryOpened("e-1", "Hansen ApS", EnquiryChannel.PHONE, "Hours"),
                new MailRegistered("m-1", "DHL", "Stores", MailKind.PARCEL));
        batch(10, new PhoneMessageDelivered("c-1", "anna"), new EnquiryAnswered("e-1", "9 to 17"),
                new MailDelivered("m-1"));
        List<List<Document>> before = List.of(documents(CorrespondenceProjection.CALLS),
                documents(CorrespondenceProjection.ENQUIRIES), documents(CorrespondenceProjection.MAIL));

        // The creating events again, after the changes: a replace without the guard would reopen all three.
        applyAt(first, log.subList(0, 3));
        applyAt(first, log);

        assertThat(List.of(documents(CorrespondenceProjection.CALLS),
                documents(CorrespondenceProjection.ENQUIRIES), documents(CorrespondenceProjection.MAIL)))
                .isEqualTo(before);
        assertThat(database.getCollection(CorrespondenceProjection.CALLS).find(Filters.eq("_id", "c-1")).first()
                .getBoolean("delivered")).isTrue();
    }
}
