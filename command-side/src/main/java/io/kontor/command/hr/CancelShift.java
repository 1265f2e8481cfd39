package io.kontor.command.hr;

import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancel a scheduled shift. */
public record CancelShift(String shiftId) {

    public CancelShift {
        Checks.id(shiftId, "id");
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Shift.streamId(shiftId);
    }
}
