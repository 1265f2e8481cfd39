package io.kontor.query.audit;

import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.KontorEventStorageEngine;
import io.kontor.eventlog.KontorJson;
import io.kontor.eventlog.testing.TestMongo;
import io.kontor.events.KontorUpcasters;
import io.kontor.events.ledger.AccountOpened;
import io.kontor.events.ledger.AccountType;
import io.kontor.events.ledger.JournalEntryPosted;
import io.kontor.events.ledger.JournalLine;
import io.kontor.query.ledger.LedgerBatch;
import io.kontor.query.ledger.LedgerReports;
import io.kontor.query.ledger.LedgerStore;
import io.kontor.query.ledger.posting.PostingRules;
import io.kontor.shared.Money;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The trial balance as of every position is the one the live ledger showed when the log stood there. */
class LedgerTimeTravelTest {

    @Test
    void theTrialBalanceAtEveryPositionEqualsTheOneThatWasLive() {
        MongoDatabase log = TestMongo.freshDatabase();
        KontorEventStorageEngine engine = KontorEventStorageEngine.builder()
                .database(log)
                .serializer(JacksonSerializer.builder().objectMapper(KontorJson.objectMapper())
                        .revisionResolver(new AnnotationRevisionResolver()).build())
                .upcasterChain(KontorUpcasters.chain())
                .build();
        LedgerStore liveStore = new LedgerStore(TestMongo.freshDatabase());
        LedgerReports live = new LedgerReports(liveStore);
        PostingRules rules = PostingRules.standard();
        List<Object> events = new ArrayList<>(List.of(
                new AccountOpened("1000", "Cash", AccountType.ASSET, Money.DKK),
                new AccountOpened("3000", "Equity", AccountType.EQUITY, Money.DKK),
                new AccountOpened("4000", "Sales revenue", AccountType.REVENUE, Money.DKK)));
        for (int i = 0; i < 6; i++) {
            String amount = (i + 1) * 37 + ".25";
            events.add(new JournalEntryPosted("je-" + i, LocalDate.of(2030, 1 + i % 3, 10 - i), "entry " + i,
                    List.of(JournalLine.debit("1000", Money.dkk(amount)),
                            JournalLine.credit(i % 2 == 0 ? "3000" : "4000", Money.dkk(amount)))));
        }

        List<LedgerReports.TrialBalance> wasLive = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String aggregate = events.get(i) instanceof AccountOpened opened ? opened.code() : "je-" + i;
            engine.appendEvents(new GenericDomainEventMessage<>("Test", aggregate, 0, events.get(i)));
            LedgerBatch batch = new LedgerBatch(liveStore, rules);
            batch.add(i + 1, events.get(i));
            batch.flush();
            wasLive.add(live.trialBalance(null));
        }

        LedgerTimeTravel timeTravel = new LedgerTimeTravel(TestMongo.client(), log, engine, rules);
        for (int position = 1; position <= events.size(); position++) {
            LedgerReports.TrialBalance then = timeTravel.at(position, reports -> reports.trialBalance(null));
            assertThat(then).as("position %d", position).isEqualTo(wasLive.get(position - 1));
        }
        assertThat(wasLive.get(events.size() - 1)).isNotEqualTo(wasLive.get(events.size() - 2));
    }
}
