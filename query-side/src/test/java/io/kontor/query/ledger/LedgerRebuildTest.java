package io.kontor.query.ledger;

import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.testing.TestMongo;
import io.kontor.events.ledger.JournalEntryPosted;
import io.kontor.events.ledger.JournalLine;
import io.kontor.query.common.RebuildableView;
import io.kontor.query.ledger.posting.PostingRules;
import io.kontor.shared.Money;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild holds recently touched buckets back between writes ({@link LedgerRebuild}); what it finally writes must
 * be the view the live path writes batch by batch, document for document: with back-dated postings touching days
 * again several writes later, days with more lines than a bucket embeds, and with the held lines over the limit.
 */
class LedgerRebuildTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2043, 3, 1);
    private final PostingRules rules = PostingRules.standard();

    /** 900 entries over about six days, each back-dated up to three days: 150 to 300 lines a day on 1010. */
    private static List<Object> log() {
        Random random = new Random(7);
        List<Object> events = new ArrayList<>(LedgerHarness.CHART);
        String[] others = {"1000", "3000", "4000", "6000"};
        for (int i = 0; i < 900; i++) {
            Money amount = Money.dkk(BigDecimal.valueOf(1 + random.nextInt(1_000_000), 2).toPlainString());
            LocalDate date = FIRST_DAY.plusDays(Math.max(0, i / 150 - random.nextInt(4)));
            events.add(new JournalEntryPosted("je-" + i, date, "entry " + i, List.of(JournalLine.debit("1010", amount),
                    JournalLine.credit(others[random.nextInt(others.length)], amount))));
        }
        return events;
    }

    /** The live path: the processor's batches of 1 to 40 events, each read, folded and written whole. */
    private static LedgerHarness live(List<Object> log) {
        LedgerHarness live = new LedgerHarness();
        Random random = new Random(11);
        for (int from = 0; from < log.size(); ) {
            int to = Math.min(log.size(), from + 1 + random.nextInt(40));
            live.batch(log.subList(from, to));
            from = to;
        }
        return live;
    }

    /** A rebuild's path: a batch flushed every {@code eventsPerWrite} events, then the replay completed. */
    private MongoDatabase rebuilt(List<Object> log, int eventsPerWrite, int maxHeldLines) {
        MongoDatabase database = TestMongo.freshDatabase();
        LedgerStore store = new LedgerStore(database);
        LedgerRebuild rebuild = new LedgerRebuild(store, rules, maxHeldLines);
        RebuildableView.PayloadBatch batch = rebuild.batch();
        for (int i = 0; i < log.size(); i++) {
            batch.add(i + 1, () -> Instant.EPOCH, log.get(i));
            if ((i + 1) % eventsPerWrite == 0) {
                batch.flush();
                batch = rebuild.batch();
            }
        }
        batch.flush();
        rebuild.complete();
        return database;
    }

    @Test
    void aRebuildThatHoldsBucketsBackWritesTheLiveViewDocumentForDocument() {
        List<Object> log = log();
        MongoDatabase live = live(log).database;
        for (int eventsPerWrite : new int[]{1, 37, 200, 10_000}) {
            assertSameDocuments(rebuilt(log, eventsPerWrite, LedgerRebuild.MAX_HELD_LINES), live);
        }
    }

    @Test
    void aRebuildOverItsHeldLinesWritesEverythingHeldAndStillTheLiveView() {
        List<Object> log = log();
        assertSameDocuments(rebuilt(log, 150, 100), live(log).database);
    }

    @Test
    void nothingIsLeftHeldWhenTheReplayCompletes() {
        List<Object> log = log();
        MongoDatabase rebuilt = rebuilt(log, 10_000, LedgerRebuild.MAX_HELD_LINES);
        int lines = documents(rebuilt, LedgerStore.BUCKETS).stream()
                .mapToInt(bucket -> bucket.getList("entries", Document.class, List.of()).size()).sum()
                + documents(rebuilt, LedgerStore.LINES).size();
        assertThat(lines).isEqualTo(2 * 900);
        assertThat(documents(rebuilt, LedgerStore.LINES)).as("lines beyond what day buckets embed").isNotEmpty();
    }

    private static void assertSameDocuments(MongoDatabase rebuilt, MongoDatabase live) {
        for (String collection : List.of(LedgerStore.ACCOUNTS, LedgerStore.BUCKETS, LedgerStore.LINES)) {
            assertThat(documents(rebuilt, collection)).as(collection).isNotEmpty().isEqualTo(documents(live, collection));
        }
    }

    private static List<Document> documents(MongoDatabase database, String collection) {
        List<Document> all = new ArrayList<>();
        database.getCollection(collection).find().sort(new Document("_id", 1)).into(all);
        return all;
    }
}
