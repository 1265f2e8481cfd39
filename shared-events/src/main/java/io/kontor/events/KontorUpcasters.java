package io.kontor.events;

import io.kontor.events.ledger.AccountOpenedUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * Every upcaster of Kontor's events, in the order they apply. Both sides read the log through this one chain, so
 * an event stored in an old shape reaches aggregates and views in its current shape.
 */
public final class KontorUpcasters {

    private KontorUpcasters() {
    }

    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(new AccountOpenedUpcaster());
    }
}
