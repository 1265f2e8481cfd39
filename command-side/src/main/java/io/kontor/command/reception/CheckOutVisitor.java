package io.kontor.command.reception;

import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The visitor leaves. */
public record CheckOutVisitor(String visitorId) {

    public CheckOutVisitor {
        Checks.id(visitorId, "id");
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Visitor.streamId(visitorId);
    }
}
