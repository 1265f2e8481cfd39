package io.kontor.command.correspondence;

import io.kontor.events.correspondence.EnquiryAnswered;
import io.kontor.events.correspondence.EnquiryOpened;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A customer's enquiry: open until answered, answered once. */
@Aggregate
public class Enquiry {

    private static final String STREAM_PREFIX = "enquiry:";

    @AggregateIdentifier
    private String streamId;
    private String enquiryId;
    private boolean answered;

    /** Axon rebuilds the enquiry from its events, and creates it empty for the create-if-missing handlers. */
    protected Enquiry() {
    }

    /** The enquiry's stream in the log: prefixed, so an enquiry id never collides with another stream. */
    public static String streamId(String enquiryId) {
        return STREAM_PREFIX + enquiryId;
    }

    /** Create-if-missing, so that a taken id is refused by the enquiry itself as {@code DUPLICATE}. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void open(OpenEnquiry command) {
        if (enquiryId != null) {
            throw new KontorException(ErrorCode.DUPLICATE, "enquiry " + command.enquiryId() + " already exists",
                    Map.of("field", "id"));
        }
        apply(new EnquiryOpened(command.enquiryId(), command.customer(), command.channel(), command.subject()));
    }

    /** Create-if-missing only so that an unknown id is a 404 from here; it creates nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void answer(AnswerEnquiry command) {
        if (enquiryId == null) {
            throw new KontorException(ErrorCode.NOT_FOUND, "no enquiry " + command.enquiryId(),
                    Map.of("field", "id"));
        }
        if (answered) {
            throw new KontorException(ErrorCode.CONFLICT, "enquiry " + enquiryId + " is already answered",
                    Map.of("rule", "ALREADY_ANSWERED"));
        }
        apply(new EnquiryAnswered(enquiryId, command.answer()));
    }

    @EventSourcingHandler
    void on(EnquiryOpened event) {
        streamId = streamId(event.enquiryId());
        enquiryId = event.enquiryId();
    }

    @EventSourcingHandler
    void on(EnquiryAnswered event) {
        answered = true;
    }
}
