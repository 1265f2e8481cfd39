package io.kontor.command.correspondence;

import io.kontor.events.correspondence.MailArchived;
import io.kontor.events.correspondence.MailDelivered;
import io.kontor.events.correspondence.MailKind;
import io.kontor.events.correspondence.MailRegistered;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A piece of incoming mail: registered, delivered once, archived once. Letters and documents may be archived after
 * delivery (the recipient hands them back for filing); a document may also be archived straight away, undelivered,
 * because bills and contracts are often addressed to the firm and meant for the archive. An undelivered letter may
 * not: it belongs to its recipient first. A parcel is goods, never archived. Archived mail is not delivered any more.
 */
@Aggregate
public class Mail {

    private static final String STREAM_PREFIX = "mail:";

    @AggregateIdentifier
    private String streamId;
    private String mailId;
    private MailKind kind;
    private boolean delivered;
    private LocalDate archivedOn;

    /** Axon rebuilds the mail from its events, and creates it empty for the create-if-missing handlers. */
    protected Mail() {
    }

    /** The mail's stream in the log: prefixed, so a mail id never collides with another stream. */
    public static String streamId(String mailId) {
        return STREAM_PREFIX + mailId;
    }

    /** Create-if-missing, so that a taken id is refused by the mail itself as {@code DUPLICATE}. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void register(RegisterMail command) {
        if (mailId != null) {
            throw new KontorException(ErrorCode.DUPLICATE, "mail " + command.mailId() + " already exists",
                    Map.of("field", "id"));
        }
        apply(new MailRegistered(command.mailId(), command.sender(), command.recipient(), command.kind()));
    }

    /** Create-if-missing only so that an unknown id is a 404 from here; it creates nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void deliver(DeliverMail command) {
        requireRegistered(command.mailId());
        if (delivered) {
            throw new KontorException(ErrorCode.CONFLICT, "mail " + mailId + " is already delivered",
                    Map.of("rule", "ALREADY_DELIVERED"));
        }
        requireNotArchived();
        apply(new MailDelivered(mailId));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void archive(ArchiveMail command) {
        requireRegistered(command.mailId());
        requireNotArchived();
        if (kind == MailKind.PARCEL) {
            throw refused("PARCEL_NOT_ARCHIVED", "mail " + mailId + " is a parcel; only letters and documents are "
                    + "archived");
        }
        if (kind == MailKind.LETTER && !delivered) {
            throw refused("NOT_DELIVERED", "letter " + mailId + " has not been delivered; a letter is archived after "
                    + "its recipient has had it");
        }
        LocalDate today = Fields.today();
        apply(new MailArchived(mailId, command.retentionYears(), today, retainUntil(today, command.retentionYears())));
    }

    /** Kept {@code years} from the end of the calendar year it was archived in: 31 December, {@code years} later. */
    static LocalDate retainUntil(LocalDate archivedOn, int years) {
        return LocalDate.of(archivedOn.getYear() + years, 12, 31);
    }

    private void requireRegistered(String requested) {
        if (mailId == null) {
            throw new KontorException(ErrorCode.NOT_FOUND, "no mail " + requested, Map.of("field", "id"));
        }
    }

    private void requireNotArchived() {
        if (archivedOn != null) {
            throw new KontorException(ErrorCode.CONFLICT, "mail " + mailId + " was archived on " + archivedOn,
                    Map.of("rule", "ALREADY_ARCHIVED"));
        }
    }

    private static KontorException refused(String rule, String detail) {
        return new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED, detail, Map.of("rule", rule));
    }

    @EventSourcingHandler
    void on(MailRegistered event) {
        streamId = streamId(event.mailId());
        mailId = event.mailId();
        kind = event.kind();
    }

    @EventSourcingHandler
    void on(MailDelivered event) {
        delivered = true;
    }

    @EventSourcingHandler
    void on(MailArchived event) {
        archivedOn = event.archivedOn();
    }
}
