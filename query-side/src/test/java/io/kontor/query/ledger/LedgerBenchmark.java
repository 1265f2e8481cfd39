package io.kontor.query.ledger;

import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.KontorEventStorageEngine;
import io.kontor.eventlog.KontorJson;
import io.kontor.eventlog.testing.TestMongo;
import io.kontor.events.ledger.AccountOpened;
import io.kontor.events.ledger.AccountType;
import io.kontor.events.ledger.JournalEntryPosted;
import io.kontor.events.ledger.JournalLine;
import io.kontor.shared.Money;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The general ledger's speed, printed, never asserted: with N journal lines in the log (default 100 000), the
 * median time of a trial balance (now and as of a date) and of a balance sheet, and a full ledger rebuild's rate
 * against the engine's raw tracking-read rate of the same log, on the embedded server. Entries are dated in log
 * order with a little back-dating, as a business posts; {@code random} dates them uniformly over two years instead,
 * the worst case for the rebuild (every batch touches hundreds of day buckets).
 *
 * <pre>
 * mvn -q -pl query-side -am verify -DskipTests -Dbench=ledger [-Dbench.args="100000 random"]
 * </pre>
 */
public final class LedgerBenchmark {

    private static final int LINES_PER_ENTRY = 2;
    private static final int EVENTS_PER_COMMIT = 100;
    /** As a rebuild reads and writes by default (kontor.query.rebuild.batch-size, .ledger-events-per-write). */
    private static final int CHUNK = Integer.getInteger("bench.chunk", 1_000);
    private static final int EVENTS_PER_WRITE = Integer.getInteger("bench.eventsPerWrite", 2_000);
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    private static final int DAYS = 730;
    private static final String[] DEBITS = {"1000", "1010", "1100", "1200", "6000", "5000"};
    private static final String[] CREDITS = {"4000", "2000", "2100", "3000", "1010"};

    public static void main(String[] args) {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        boolean randomDates = args.length > 1 && args[1].equals("random");
        int entries = lines / LINES_PER_ENTRY;
        MongoDatabase database = TestMongo.freshDatabase();
        JacksonSerializer serializer = KontorJson.serializer();
        KontorEventStorageEngine engine = KontorEventStorageEngine.builder().database(database)
                .serializer(serializer).build();

        System.out.printf("Ledger benchmark: %,d journal lines (%,d entries) over two years on the embedded server, "
                + "dated %s%n", lines, entries, randomDates ? "uniformly at random (worst case: every batch touches "
                + "hundreds of days)" : "in log order with up to 20 days of back-dating (a business posting as it goes)");
        long appendStart = System.nanoTime();
        append(engine, chart());
        Random random = new Random(42);
        List<EventMessage<?>> commit = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            int day = randomDates ? random.nextInt(DAYS)
                    : Math.max(0, (int) ((long) i * DAYS / entries) - random.nextInt(21));
            commit.add(entry(i, day, random));
            if (commit.size() == EVENTS_PER_COMMIT || i == entries - 1) {
                append(engine, commit);
                commit = new ArrayList<>();
            }
            if ((i + 1) % 10_000 == 0) {
                System.out.printf("  appended %,d / %,d entries%n", i + 1, entries);
            }
        }
        System.out.printf("  appended in %.1f s; log head %,d%n", seconds(appendStart), engine.headPosition());

        long readStart = System.nanoTime();
        long readCpuStart = processCpuNanos();
        long read;
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
            read = stream.peek(EventMessage::getPayload).count();
        }
        double readRate = read / seconds(readStart);
        double readCpuRate = read / ((processCpuNanos() - readCpuStart) / 1e9);
        System.out.printf("Raw tracking read (deserialised): %,d events in %.2f s = %,.0f events/s "
                + "(%,.0f events per CPU-second of this process, server included)%n",
                read, seconds(readStart), readRate, readCpuRate);

        LedgerStore store = new LedgerStore(database);
        long rebuildStart = System.nanoTime();
        long rebuildCpuStart = processCpuNanos();
        long rebuilt = LedgerReplay.replay(engine, store, CHUNK, EVENTS_PER_WRITE);
        double rebuildRate = rebuilt / seconds(rebuildStart);
        double rebuildCpuRate = rebuilt / ((processCpuNanos() - rebuildCpuStart) / 1e9);
        System.out.printf("Full ledger rebuild (the rebuild's own path: read ahead in chunks of %,d, written every "
                + "%,d events): %,d events in %.2f s = %,.0f events/s (%.2f of the raw read rate; "
                + "%,.0f events per CPU-second, %.2f of the raw read's)%n", CHUNK, EVENTS_PER_WRITE, rebuilt, seconds(rebuildStart),
                rebuildRate, rebuildRate / readRate, rebuildCpuRate, rebuildCpuRate / readCpuRate);

        LedgerReports reports = new LedgerReports(store);
        LocalDate asOf = FIRST_DAY.plusDays(500);
        System.out.printf("Trial balance, now:            %s%n", timings(() -> reports.trialBalance(null)));
        System.out.printf("Trial balance, as of %s: %s%n", asOf, timings(() -> reports.trialBalance(asOf)));
        System.out.printf("Balance sheet, as of %s: %s%n", asOf, timings(() -> reports.balanceSheet(asOf)));
        System.out.printf("Income statement, one year:    %s%n",
                timings(() -> reports.incomeStatement(FIRST_DAY, FIRST_DAY.plusYears(1).minusDays(1))));
        LedgerReports.TrialBalance tb = reports.trialBalance(null);
        System.out.printf("Trial balance totals: debit %s, credit %s%n", tb.totals().debit(), tb.totals().credit());
        System.exit(0);
    }

    private static String timings(Supplier<?> query) {
        for (int i = 0; i < 20; i++) {
            query.get();
        }
        double[] ms = new double[101];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            query.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return String.format("median %.2f ms, p95 %.2f ms (%d runs)", ms[ms.length / 2], ms[(int) (ms.length * 0.95)],
                ms.length);
    }

    private static List<EventMessage<?>> chart() {
        List<EventMessage<?>> chart = new ArrayList<>();
        String[][] accounts = {{"1000", "Cash", "ASSET"}, {"1010", "Bank", "ASSET"},
                {"1100", "Accounts receivable", "ASSET"}, {"1200", "Inventory", "ASSET"},
                {"1300", "Input VAT", "ASSET"}, {"2000", "Accounts payable", "LIABILITY"},
                {"2100", "Output VAT", "LIABILITY"}, {"2200", "Salaries payable", "LIABILITY"},
                {"3000", "Equity", "EQUITY"}, {"4000", "Sales revenue", "REVENUE"},
                {"5000", "Cost of goods sold", "EXPENSE"}, {"6000", "Salaries", "EXPENSE"},
                {"6900", "Inventory differences", "EXPENSE"}};
        for (String[] a : accounts) {
            chart.add(new GenericDomainEventMessage<>("Account", a[0], 0,
                    new AccountOpened(a[0], a[1], AccountType.valueOf(a[2]), Currency.getInstance("DKK"))));
        }
        return chart;
    }

    private static EventMessage<?> entry(int i, int day, Random random) {
        Money amount = Money.dkk(BigDecimal.valueOf(1 + random.nextInt(10_000_000), 2).toPlainString());
        JournalEntryPosted posted = new JournalEntryPosted("je-" + i, FIRST_DAY.plusDays(day),
                "benchmark entry " + i, List.of(JournalLine.debit(DEBITS[random.nextInt(DEBITS.length)], amount),
                JournalLine.credit(CREDITS[random.nextInt(CREDITS.length)], amount)));
        return new GenericDomainEventMessage<>("JournalEntry", "je-" + i, 0, posted);
    }

    private static void append(KontorEventStorageEngine engine, List<EventMessage<?>> events) {
        engine.appendEvents(events);
    }

    /** CPU time of this whole process (the embedded server runs in it): a figure other load on the machine barely moves. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
