package io.kontor.query.ledger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.testing.TestMongo;
import io.kontor.events.ledger.AccountOpened;
import io.kontor.events.ledger.AccountType;
import io.kontor.query.common.Views;
import io.kontor.shared.Money;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Events in, documents out: the projection without a processor, one unit of work per delivery. */
class AccountsProjectionTest {

    private static final Instant AT = Instant.parse("2026-11-27T08:30:00Z");

    private MongoCollection<Document> accounts;
    private AccountsProjection projection;

    @BeforeEach
    void setUp() {
        MongoDatabase database = TestMongo.freshDatabase();
        accounts = database.getCollection(AccountsProjection.COLLECTION);
        projection = new AccountsProjection(new Views(database));
    }

    private void deliver(AccountOpened event, long position) {
        TrackedEventMessage<AccountOpened> message = new GenericTrackedEventMessage<>(
                new GlobalSequenceTrackingToken(position), new GenericEventMessage<>(event));
        DefaultUnitOfWork.startAndGet(message)
                .execute(() -> projection.on(event, AT, message.trackingToken()));
    }

    @Test
    void anOpenedAccountBecomesADocumentStampedWithItsPosition() {
        deliver(new AccountOpened("1000", "Cash", AccountType.ASSET, Money.DKK), 7);

        assertThat(accounts.find().into(new ArrayList<>())).containsExactly(new Document("_id", "1000")
                .append("code", "1000").append("name", "Cash").append("type", "ASSET").append("currency", "DKK")
                .append("openedAt", Date.from(AT)).append("position", 7L));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        AccountOpened opened = new AccountOpened("1000", "Cash", AccountType.ASSET, Money.DKK);
        deliver(opened, 7);
        List<Document> before = accounts.find().into(new ArrayList<>());

        deliver(opened, 7);

        assertThat(accounts.find().into(new ArrayList<>())).isEqualTo(before);
    }

    @Test
    void anOlderEventNeverOverwritesANewerState() {
        deliver(new AccountOpened("1000", "Cash", AccountType.ASSET, Currency.getInstance("EUR")), 9);

        deliver(new AccountOpened("1000", "Stale", AccountType.ASSET, Money.DKK), 3);

        Document account = accounts.find().first();
        assertThat(account.getString("name")).isEqualTo("Cash");
        assertThat(account.getLong("position")).isEqualTo(9L);
    }
}
