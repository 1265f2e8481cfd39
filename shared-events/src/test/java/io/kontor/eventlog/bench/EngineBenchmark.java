package io.kontor.eventlog.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.kontor.eventlog.KontorEventStorageEngine;
import io.kontor.eventlog.KontorJson;
import io.kontor.eventlog.embedded.EmbeddedMongoServer;
import io.kontor.shared.Money;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Engine benchmark: appends per second with 1 and 16 concurrent writers, tracking-read events per second and aggregate
 * load time, at growing numbers of stored events, for Kontor's engine, Axon's {@link InMemoryEventStorageEngine} (the
 * framework's ceiling) and axon-mongo 4.12.0's {@link MongoEventStorageEngine} (the peer), each in its own database on
 * one in-process embedded server (memory backend). A program that prints figures, not a test.
 * <p>
 * Run (from the repository root):
 * <pre>
 * MAVEN_OPTS="-Xmx10g" mvn -q -B -pl shared-events test-compile exec:java -Dexec.args="10000,100000,1000000 100000"
 * </pre>
 * Arguments: the store sizes to measure at (comma-separated, ascending); the largest size the peer is loaded to
 * (it is skipped beyond; on the embedded server its reads are full scans, so loading and reading it at 1 M takes
 * hours); optionally which engines to run (comma-separated, default {@code kontor,axon-inmemory,axon-mongo}).
 * At each size the engines' appends are measured in turns, three rounds, and the medians reported, because the
 * machine this runs on is shared and its load drifts by the minute. Every engine is warmed up on a throw-away store first, so the first size is not measured with a cold JIT.
 */
public final class EngineBenchmark {

    /** The kind of event Kontor stores most: an invoice line with money and a date. */
    public record InvoiceIssued(String invoiceId, String customer, Money net, Money vat, LocalDate dueDate) {
    }

    private static final int EVENTS_PER_AGGREGATE = 10;
    private static final int SINGLE_WRITER_APPENDS = 1_000;
    private static final int WRITERS = 16;
    private static final int APPENDS_PER_WRITER = 125;
    private static final int ROUNDS = 3;
    private static final int AGGREGATE_LOADS = 50;
    private static final long PEER_TRACKING_EVENTS = 500;

    private final Serializer serializer = KontorJson.serializer();
    private final MongoClient client;
    private final List<String> rows = new ArrayList<>();
    /** Kontor's own meters, to show how large its groups were. */
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private int databases;

    private EngineBenchmark(MongoClient client) {
        this.client = client;
    }

    public static void main(String[] args) throws Exception {
        long[] sizes = Stream.of((args.length > 0 ? args[0] : "10000,100000").split(","))
                             .mapToLong(Long::parseLong).toArray();
        long peerCap = args.length > 1 ? Long.parseLong(args[1]) : 100_000;
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start("127.0.0.1", 0, EmbeddedMongoServer.MEMORY);
             MongoClient client = MongoClients.create(server.connectionString())) {
            EngineBenchmark benchmark = new EngineBenchmark(client);
            benchmark.run(sizes, peerCap, args);
        }
    }

    private void run(long[] sizes, long peerCap, String[] args) throws Exception {
        Map<String, Supplier<EventStorageEngine>> engines = Map.of(
                "kontor", this::kontor, "axon-inmemory", InMemoryEventStorageEngine::new, "axon-mongo", this::axonMongo);
        List<String> order = args.length > 2 ? List.of(args[2].split(",")) : List.of("kontor", "axon-inmemory", "axon-mongo");
        for (String name : order) {
            progress("warming up %s", name);
            Store warmup = new Store(name, engines.get(name).get());
            warmup.growTo(5_000);
            warmUp(warmup);
        }
        rows.add("| engine | stored events | appends/s, 1 writer | appends/s, 16 writers | 16-writer group size | tracking read events/s | aggregate load ms (10 events) |");
        rows.add("|---|---:|---:|---:|---:|---:|---:|");
        List<Store> stores = new ArrayList<>();
        for (String name : order) {
            stores.add(new Store(name, engines.get(name).get()));
        }
        for (long size : sizes) {
            List<Store> measured = new ArrayList<>();
            for (Store store : stores) {
                if (store.name.equals("axon-mongo") && size > peerCap) {
                    rows.add(String.format(Locale.ROOT, "| %s | %,d | not run: peer capped at %,d | | | | |",
                                           store.name, size, peerCap));
                } else {
                    store.growTo(size);
                    measured.add(store);
                }
            }
            // the machine is shared, so its load drifts: engines are measured in turns, several times, at one size
            Map<Store, List<double[]>> appends = new java.util.LinkedHashMap<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (Store store : measured) {
                    appends.computeIfAbsent(store, s -> new ArrayList<>()).add(appendRates(store));
                }
            }
            for (Store store : measured) {
                double single = median(appends.get(store), 0);
                double concurrent = median(appends.get(store), 1);
                double group = median(appends.get(store), 2);
                long trackingLimit = store.name.equals("axon-mongo") ? PEER_TRACKING_EVENTS : Long.MAX_VALUE;
                double tracking = trackingRate(store, trackingLimit);
                double load = aggregateLoadMillis(store);
                progress("%s @ %,d: medians: appends/s 1 writer %,.0f, 16 writers %,.0f; tracking %,.0f events/s; "
                                 + "aggregate load %.2f ms", store.name, size, single, concurrent, tracking, load);
                String trackingCell = trackingLimit < store.stored.get()
                        ? String.format(Locale.ROOT, "%,.0f (first %,d)", tracking, trackingLimit)
                        : String.format(Locale.ROOT, "%,.0f (all %,d)", tracking, store.stored.get());
                rows.add(String.format(Locale.ROOT, "| %s | %,d | %,.0f | %,.0f | %s | %s | %.2f |",
                                       store.name, size, single, concurrent,
                                       Double.isNaN(group) ? "" : String.format(Locale.ROOT, "%.1f", group),
                                       trackingCell, load));
            }
        }
        System.out.println();
        rows.forEach(System.out::println);
    }

    private static double median(List<double[]> samples, int index) {
        double[] values = samples.stream().mapToDouble(sample -> sample[index]).sorted().toArray();
        return values[values.length / 2];
    }

    private KontorEventStorageEngine kontor() {
        return KontorEventStorageEngine.builder().database(client.getDatabase("bench_" + (++databases)))
                                       .serializer(serializer).meterRegistry(meters).build();
    }

    private MongoEventStorageEngine axonMongo() {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                                       .mongoDatabase(client.getDatabase("bench_" + (++databases))).build())
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
        engine.ensureIndexes();
        return engine;
    }

    /** One engine and what is in it: aggregates of {@value #EVENTS_PER_AGGREGATE} events, one event per commit. */
    private static final class Store {
        final String name;
        final EventStorageEngine engine;
        final AtomicLong stored = new AtomicLong();
        final AtomicLong fresh = new AtomicLong();
        /** Aggregates agg-0 … agg-(n-1) hold {@value #EVENTS_PER_AGGREGATE} events each. */
        final AtomicLong aggregates = new AtomicLong();

        Store(String name, EventStorageEngine engine) {
            this.name = name;
            this.engine = engine;
        }

        void growTo(long size) throws Exception {
            long start = System.nanoTime();
            long from = stored.get();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            try {
                List<Future<?>> futures = new ArrayList<>();
                AtomicLong nextAggregate = new AtomicLong(aggregates.get());
                long last = aggregates.get() + Math.max(0, size - from) / EVENTS_PER_AGGREGATE;
                for (int w = 0; w < WRITERS; w++) {
                    futures.add(pool.submit(() -> {
                        for (long a = nextAggregate.getAndIncrement(); a < last; a = nextAggregate.getAndIncrement()) {
                            for (int seq = 0; seq < EVENTS_PER_AGGREGATE; seq++) {
                                engine.appendEvents(event("agg-" + a, seq));
                                stored.incrementAndGet();
                            }
                        }
                    }));
                }
                long reported = System.nanoTime();
                for (Future<?> future : futures) {
                    while (!future.isDone()) {
                        try {
                            future.get(1, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (java.util.concurrent.TimeoutException stillLoading) {
                            if (System.nanoTime() - reported > 5_000_000_000L) {
                                reported = System.nanoTime();
                                double seconds = (reported - start) / 1e9;
                                progress("%s: loading %,d / %,d events (%,.0f events/s)", name, stored.get(), size,
                                         (stored.get() - from) / seconds);
                            }
                        }
                    }
                    future.get();
                }
                aggregates.set(last);
            } finally {
                pool.shutdownNow();
            }
            progress("%s: loaded %,d events in %.1f s", name, stored.get(), (System.nanoTime() - start) / 1e9);
        }
    }

    static DomainEventMessage<InvoiceIssued> event(String aggregate, long sequence) {
        InvoiceIssued payload = new InvoiceIssued(aggregate + "-" + sequence, "customer-" + (sequence % 97),
                                                  Money.dkk("1000.00"), Money.dkk("250.00"), LocalDate.of(2026, 12, 31));
        return new GenericDomainEventMessage<>("Invoice", aggregate, sequence, payload,
                                               MetaData.with("user", "bench").and("correlationId", aggregate));
    }

    /** Appends per second with 1 and 16 writers, and Kontor's mean group size for the latter (NaN for others). */
    private double[] appendRates(Store store) throws Exception {
        long size = store.stored.get();
        double single = appendRate(store, 1, SINGLE_WRITER_APPENDS);
        DistributionSummary groups = meters.find("kontor.eventlog.append.batch.size").summary();
        long groupsBefore = groups == null ? 0 : groups.count();
        double commitsBefore = groups == null ? 0 : groups.totalAmount();
        double concurrent = appendRate(store, WRITERS, APPENDS_PER_WRITER);
        double group = store.engine instanceof KontorEventStorageEngine && groups != null
                ? (groups.totalAmount() - commitsBefore) / Math.max(1, groups.count() - groupsBefore) : Double.NaN;
        progress("%s @ %,d: appends/s 1 writer %,.0f, 16 writers %,.0f (groups of %.1f)", store.name, size, single,
                 concurrent, group);
        return new double[] {single, concurrent, group};
    }

    private void warmUp(Store store) throws Exception {
        appendRates(store);
        trackingRate(store, store.name.equals("axon-mongo") ? PEER_TRACKING_EVENTS : Long.MAX_VALUE);
        aggregateLoadMillis(store);
    }

    private static double appendRate(Store store, int writers, int appendsPerWriter) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < appendsPerWriter; i++) {
                        EventMessage<?> message = event("fresh-" + store.fresh.incrementAndGet(), 0);
                        store.engine.appendEvents(message);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            store.stored.addAndGet((long) writers * appendsPerWriter);
            return writers * appendsPerWriter / seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads from the start as a tracking processor would, deserializing every payload. */
    private static double trackingRate(Store store, long limit) {
        long start = System.nanoTime();
        long read;
        try (Stream<? extends TrackedEventMessage<?>> events = store.engine.readEvents(null, false)) {
            read = events.limit(limit).peek(EventMessage::getPayload).count();
        }
        return read / ((System.nanoTime() - start) / 1e9);
    }

    private static double aggregateLoadMillis(Store store) {
        long aggregates = store.aggregates.get();
        long start = System.nanoTime();
        for (int i = 0; i < AGGREGATE_LOADS; i++) {
            String aggregate = "agg-" + ThreadLocalRandom.current().nextLong(aggregates);
            long count = store.engine.readEvents(aggregate).asStream().peek(EventMessage::getPayload).count();
            if (count != EVENTS_PER_AGGREGATE) {
                throw new IllegalStateException(store.name + " loaded " + count + " events of " + aggregate);
            }
        }
        return (System.nanoTime() - start) / 1e6 / AGGREGATE_LOADS;
    }

    private static void progress(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%tT] " + format + "%n", prepend(new java.util.Date(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
