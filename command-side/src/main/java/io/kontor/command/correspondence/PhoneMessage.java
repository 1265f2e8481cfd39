package io.kontor.command.correspondence;

import io.kontor.command.hr.EmployeeDirectory;
import io.kontor.events.correspondence.PhoneMessageDelivered;
import io.kontor.events.correspondence.PhoneMessageTaken;
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

/**
 * A phone message taken at the front desk for an active employee (hired, and not past their last day), open until
 * delivered.
 */
@Aggregate
public class PhoneMessage {

    private static final String STREAM_PREFIX = "call:";

    @AggregateIdentifier
    private String streamId;
    private String callId;
    private String forEmployee;
    private boolean delivered;

    /** Axon rebuilds the message from its events, and creates it empty for the create-if-missing handlers. */
    protected PhoneMessage() {
    }

    /** The message's stream in the log: prefixed, so a call id never collides with another stream. */
    public static String streamId(String callId) {
        return STREAM_PREFIX + callId;
    }

    /** Create-if-missing, so that a taken id is refused by the message itself as {@code DUPLICATE}. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void take(TakePhoneMessage command, EmployeeDirectory employees) {
        if (callId != null) {
            throw new KontorException(ErrorCode.DUPLICATE, "call " + command.callId() + " already exists",
                    Map.of("field", "id"));
        }
        employees.requireActive(command.forEmployee(), Fields.today(), "forEmployee");
        apply(new PhoneMessageTaken(command.callId(), command.caller(), command.phone(), command.forEmployee(),
                command.message()));
    }

    /** Create-if-missing only so that an unknown id is a 404 from here; it creates nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void deliver(DeliverPhoneMessage command) {
        if (callId == null) {
            throw new KontorException(ErrorCode.NOT_FOUND, "no call " + command.callId(), Map.of("field", "id"));
        }
        if (delivered) {
            throw new KontorException(ErrorCode.CONFLICT, "call " + callId + " is already delivered",
                    Map.of("rule", "ALREADY_DELIVERED"));
        }
        apply(new PhoneMessageDelivered(callId, forEmployee));
    }

    @EventSourcingHandler
    void on(PhoneMessageTaken event) {
        streamId = streamId(event.callId());
        callId = event.callId();
        forEmployee = event.forEmployee();
    }

    @EventSourcingHandler
    void on(PhoneMessageDelivered event) {
        delivered = true;
    }
}
