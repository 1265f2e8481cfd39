package io.kontor.events.ledger;

import org.axonframework.serialization.Revision;

import java.util.Objects;

/**
 * An accounting month was closed: no posting may be dated in it afterwards. The period ({@code yyyy-MM}) is the
 * aggregate id.
 */
@Revision("1")
public record PeriodClosed(String period) {

    public PeriodClosed {
        Objects.requireNonNull(period, "period");
    }
}
