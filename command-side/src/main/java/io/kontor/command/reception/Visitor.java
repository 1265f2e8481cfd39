package io.kontor.command.reception;

import io.kontor.command.hr.EmployeeDirectory;
import io.kontor.events.reception.VisitorCheckedIn;
import io.kontor.events.reception.VisitorCheckedOut;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One visit: signed in at reception to see an employee, signed out when leaving. Its stream is two events long, so
 * it needs no snapshots.
 */
@Aggregate
public class Visitor {

    /** The business's own calendar: a host must not be past their last day on today's date in Denmark. */
    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Copenhagen");
    private static final String STREAM_PREFIX = "visitor:";

    @AggregateIdentifier
    private String streamId;
    private String visitorId;
    private Instant checkedInAt;
    private boolean checkedOut;

    /** Axon rebuilds the visitor from its events, and creates it empty for the create-if-missing handlers. */
    protected Visitor() {
    }

    public static String streamId(String visitorId) {
        return STREAM_PREFIX + visitorId;
    }

    /**
     * Create-if-missing, so that a taken id is refused by the visitor itself as {@code DUPLICATE}. The host must be
     * an active employee: hired and not past their last day (a new hire may receive visitors before the first day,
     * to sign a contract, say). Checked on the date of Axon's event clock, the clock that stamps the check-in.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void checkIn(CheckInVisitor command, EmployeeDirectory employees) {
        if (visitorId != null) {
            throw new KontorException(ErrorCode.DUPLICATE, "visitor " + command.visitorId() + " already exists",
                    Map.of("field", "id"));
        }
        EmployeeDirectory.Employment host = employees.employment(command.host()).orElseThrow(() ->
                new KontorException(ErrorCode.NOT_FOUND, "no employee " + command.host(), Map.of("field", "host")));
        LocalDate today = LocalDate.ofInstant(GenericEventMessage.clock.instant(), BUSINESS_ZONE);
        if (!host.activeOn(today)) {
            throw new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED, "employee " + host.employeeId()
                    + " left on " + host.lastDay() + " and cannot receive visitors",
                    Map.of("rule", "HOST_TERMINATED", "field", "host"));
        }
        apply(new VisitorCheckedIn(command.visitorId(), command.name(), command.company(), host.employeeId(),
                host.name(), command.purpose()));
    }

    /**
     * A second check-out is a 409 {@code CONFLICT}, as a second termination or cancellation is elsewhere: the request
     * is well formed and no rule forbids it, it conflicts with the visit's current state (already over).
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void checkOut(CheckOutVisitor command) {
        if (visitorId == null) {
            throw new KontorException(ErrorCode.NOT_FOUND, "no visitor " + command.visitorId(), Map.of("field", "id"));
        }
        if (checkedOut) {
            throw new KontorException(ErrorCode.CONFLICT, "visitor " + visitorId + " has already checked out",
                    Map.of("rule", "ALREADY_CHECKED_OUT"));
        }
        apply(new VisitorCheckedOut(visitorId, checkedInAt));
    }

    @EventSourcingHandler
    void on(VisitorCheckedIn event, @Timestamp Instant at) {
        streamId = streamId(event.visitorId());
        visitorId = event.visitorId();
        checkedInAt = at;
    }

    @EventSourcingHandler
    void on(VisitorCheckedOut event) {
        checkedOut = true;
    }
}
