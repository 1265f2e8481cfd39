package io.kontor.command.hr;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancel a scheduled shift. */
public record CancelShift(String shiftId) {

    public CancelShift {
        Fields.id(shiftId, "id");
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Shift.streamId(shiftId);
    }
}
