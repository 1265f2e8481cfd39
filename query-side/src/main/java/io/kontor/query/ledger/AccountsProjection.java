package io.kontor.query.ledger;

import io.kontor.events.ledger.AccountOpened;
import io.kontor.query.common.ViewCollections;
import io.kontor.query.common.Views;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;

/** The chart of accounts view: one document per account in {@code accounts}, keyed by code. */
@Component
@ProcessingGroup(AccountsProjection.GROUP)
@ViewCollections(AccountsProjection.COLLECTION)
public class AccountsProjection {

    public static final String GROUP = "accounts";
    public static final String COLLECTION = "accounts";

    private final Views views;

    AccountsProjection(Views views) {
        this.views = views;
    }

    @EventHandler
    void on(AccountOpened event, @Timestamp Instant openedAt, TrackingToken token) {
        views.batch(COLLECTION).put(event.code(), new Document("code", event.code())
                        .append("name", event.name())
                        .append("type", event.type().name())
                        .append("currency", event.currency().getCurrencyCode())
                        .append("openedAt", Date.from(openedAt)),
                Views.positionOf(token));
    }
}
