package io.kontor.command.reception;

import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sign a visitor in to see {@code host}, an employee; {@code company} is optional. */
public record CheckInVisitor(String visitorId, String name, String company, String host, String purpose) {

    public CheckInVisitor {
        Checks.id(visitorId, "id");
        name = Checks.text(name, "name", 100).strip();
        company = Checks.optionalText(company, "company", 100);
        Checks.id(host, "host");
        purpose = Checks.text(purpose, "purpose", 200).strip();
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Visitor.streamId(visitorId);
    }
}
