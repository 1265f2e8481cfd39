package io.kontor.command.hr;

import io.kontor.events.hr.ShiftFiled;
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
 * A shift id and the employee it is filed under. The shift itself (its times, and whether it is still on) lives in
 * the employee's stream, where overlaps are checked; this stream lets a cancel that names only the shift find it.
 */
@Aggregate
public class Shift {

    private static final String STREAM_PREFIX = "shift:";

    @AggregateIdentifier
    private String streamId;
    private String shiftId;
    private String employeeId;

    /** Axon rebuilds the shift from its events, and creates it empty for the create-if-missing handler. */
    protected Shift() {
    }

    /** Filed by the employee's schedule command, in its unit of work. */
    Shift(String shiftId, String employeeId) {
        apply(new ShiftFiled(shiftId, employeeId));
    }

    public static String streamId(String shiftId) {
        return STREAM_PREFIX + shiftId;
    }

    /** Create-if-missing only so that an unknown id is a 404 from here; it creates nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void cancel(CancelShift command, Staff staff) {
        if (shiftId == null) {
            throw new KontorException(ErrorCode.NOT_FOUND, "no shift " + command.shiftId(), Map.of("field", "id"));
        }
        staff.cancelShift(employeeId, shiftId);
    }

    @EventSourcingHandler
    void on(ShiftFiled event) {
        streamId = streamId(event.shiftId());
        shiftId = event.shiftId();
        employeeId = event.employeeId();
    }
}
