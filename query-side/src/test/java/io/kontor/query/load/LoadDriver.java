package io.kontor.query.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.command.CommandSideApplication;
import io.kontor.eventlog.KontorEventStorageEngine;
import io.kontor.eventlog.testing.TestMongo;
import io.kontor.events.ledger.JournalEntryPosted;
import io.kontor.events.ledger.JournalLine;
import io.kontor.query.QuerySideApplication;
import io.kontor.query.e2e.UserArguments;
import io.kontor.shared.Money;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Kontor under a front-office load, measured over HTTP and printed, never asserted. Each run starts both apps in
 * this JVM on a fresh database of the in-process embedded server (the e2e database is never touched), sets up one
 * employee and one stocked item per client, and has N clients send {@link LoadMix}'s weighted operations as fast
 * as their answers come back: commands/s, latency percentiles, errors by status, the end-to-end lag from a
 * command's answer to its view's processor reaching the answered position (sampled), heap, RSS and CPU.
 * <p>
 * Runs, in one invocation: the same load against Kontor's event log (with its views, and as {@code kontor-commands}
 * its command side alone, like for like with the others), the command side on Axon's in-memory engine
 * and the command side on axon-mongo (engine chosen by {@code kontor.bench.engine}, see
 * {@link BenchEngineConfiguration}; without views for both: axon-mongo's tracking tokens carry no global position,
 * which Kontor's position-guarded views need), in turns for {@code rounds} rounds; then each of
 * {@code scale-engines} (Kontor with views unless told) with each {@code scale} size of events appended through
 * its engine first. Arguments are {@code key=value}:
 * <pre>
 * mvn -q -pl query-side -am verify -DskipTests -Dbench=load \
 *     -Dbench.args="clients=32 seconds=30 warmup=10 rounds=2 engines=kontor,kontor-commands,memory,axon-mongo
 *     scale=10000,1000000 scale-engines=kontor,kontor-commands,axon-mongo lag=0.25"
 * </pre>
 * {@code app-args=--a=1,--b=2} passes settings to both apps, to measure one against its default.
 */
public final class LoadDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> USERS = Map.of("accountant", "ACCOUNTANT", "accountant2", "ACCOUNTANT",
            "storekeeper", "STOREKEEPER", "hr", "HR", "frontdesk", "FRONT_DESK", "admin", "ADMIN");
    private static final int PREFILL_EVENTS_PER_COMMIT = 1_000;
    /** The prefill posts like a business as it goes: this many journal entries a day, dated in log order. */
    private static final int PREFILL_ENTRIES_PER_DAY = 1_000;
    /** Kontor's command side alone: the same engine, no query side (like for like with the engines without views). */
    static final String KONTOR_COMMANDS = "kontor-commands";

    private final int clients;
    private final int seconds;
    private final int warmup;
    private final double lagFraction;
    /** Extra arguments for both apps ({@code app-args=--a=1,--b=2}), to measure a setting against its default. */
    private final List<String> appArguments;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private LoadDriver(Map<String, String> options) {
        this.clients = Integer.parseInt(options.getOrDefault("clients", "32"));
        this.seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        this.warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
        this.lagFraction = Double.parseDouble(options.getOrDefault("lag", "0.25"));
        this.appArguments = list(options.getOrDefault("app-args", ""));
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        LoadDriver driver = new LoadDriver(options);
        List<String> engines = list(options.getOrDefault("engines", "kontor," + KONTOR_COMMANDS + ",memory,axon-mongo"));
        List<String> scale = list(options.getOrDefault("scale", "10000,1000000"));
        List<String> scaleEngines = list(options.getOrDefault("scale-engines", "kontor"));
        System.out.printf("Load driver: %d clients, %d s measured after %d s warm-up, lag sampled for %.0f %% of "
                + "commands; %d cores, max heap %,d MB; mix %s%n", driver.clients, driver.seconds, driver.warmup,
                driver.lagFraction * 100, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, mix());

        // Engines take turns, round after round: the first round also warms the JVM (JIT), so only the last
        // round's figures are compared.
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "2"));
        List<Result> all = new ArrayList<>();
        Map<String, Result> byEngine = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (String engine : engines) {
                Result result = driver.run(engine, 0, round);
                all.add(result);
                byEngine.put(engine, result);
            }
        }
        List<Result> scaled = new ArrayList<>();
        for (String size : scale) {
            for (String engine : scaleEngines) {
                scaled.add(driver.run(engine, Long.parseLong(size.replace("_", "")), rounds));
            }
        }

        System.out.println();
        System.out.println("=== Side by side (same load, same JVM, same machine) ===");
        System.out.println(Result.HEADER);
        all.forEach(r -> System.out.println(r.row()));
        scaled.forEach(r -> System.out.println(r.row()));
        Result kontor = byEngine.get("kontor");
        if (kontor != null) {
            System.out.println();
            System.out.printf("Targets at %d clients (issue 9), round %d:%n", driver.clients, rounds);
            for (String mine : List.of("kontor", KONTOR_COMMANDS)) {
                Result ours = byEngine.get(mine);
                String what = mine.equals("kontor") ? "Kontor with views" : "Kontor command side only";
                Result memory = byEngine.get("memory");
                if (ours != null && memory != null) {
                    double ratio = ours.perSecond() / memory.perSecond();
                    System.out.printf("  %s / in-memory ceiling: %.2f (target >= 0.70): %s; per CPU-second %.2f%n",
                            what, ratio, met(ratio >= 0.70), ours.perCpuSecond() / memory.perCpuSecond());
                }
                Result peer = byEngine.get("axon-mongo");
                if (ours != null && peer != null) {
                    double ratio = ours.perSecond() / peer.perSecond();
                    System.out.printf("  %s / axon-mongo: %.2f x (target >= 3): %s; per CPU-second %.2f x%n", what,
                            ratio, met(ratio >= 3), ours.perCpuSecond() / peer.perCpuSecond());
                }
            }
            double p99 = kontor.lagMs(0.99);
            System.out.printf("  p99 end-to-end lag: %.1f ms (target < 250 ms): %s%n", p99, met(p99 < 250));
        }
        for (String engine : scaleEngines) {
            List<Result> sizes = scaled.stream().filter(r -> r.engine().equals(engine)).toList();
            if (sizes.size() >= 2) {
                Result small = sizes.get(0);
                Result large = sizes.get(sizes.size() - 1);
                double ratio = small.perSecond() / large.perSecond();
                System.out.printf("  Scale, %s: %,d vs %,d events before the run: %.0f vs %.0f commands/s, ratio "
                                + "%.2f; p99 latency %.1f vs %.1f ms, ratio %.2f (target within 1.5x): %s%n", engine,
                        small.prefill, large.prefill, small.perSecond(), large.perSecond(), ratio,
                        small.latencyMs(0.99), large.latencyMs(0.99), large.latencyMs(0.99) / small.latencyMs(0.99),
                        met(ratio <= 1.5 && large.latencyMs(0.99) / small.latencyMs(0.99) <= 1.5));
            }
        }
        for (String size : scale) {
            long events = Long.parseLong(size.replace("_", ""));
            Optional<Result> ours = scaled.stream()
                    .filter(r -> r.prefill() == events && r.engine().equals(KONTOR_COMMANDS)).findFirst();
            Optional<Result> peer = scaled.stream()
                    .filter(r -> r.prefill() == events && r.engine().equals("axon-mongo")).findFirst();
            if (ours.isPresent() && peer.isPresent()) {
                double ratio = ours.get().perSecond() / peer.get().perSecond();
                System.out.printf("  With %,d events before the run: Kontor command side only / axon-mongo: %.2f x "
                                + "(target >= 3): %s; per CPU-second %.2f x%n", events, ratio, met(ratio >= 3),
                        ours.get().perCpuSecond() / peer.get().perCpuSecond());
            }
        }
        System.exit(0);
    }

    private static String met(boolean met) {
        return met ? "MET" : "NOT MET";
    }

    private static List<String> list(String csv) {
        return csv.isBlank() || csv.equals("none") ? List.of() : List.of(csv.split(","));
    }

    private static String mix() {
        StringBuilder mix = new StringBuilder();
        LoadMix.OPERATIONS.forEach(o -> mix.append(mix.isEmpty() ? "" : ", ").append(o.name()).append(" ×")
                .append(o.weight()));
        return mix.toString();
    }

    /** One run: fresh database, apps started, prefilled, set up, warmed up, measured, stopped. */
    private Result run(String engine, long prefill, int round) {
        String label = "r" + round + " " + engine + (prefill > 0 ? String.format(" +%,d", prefill) : "");
        System.out.printf("%n--- %s ---%n", label);
        boolean views = engine.equals("kontor");
        String storage = engine.equals(KONTOR_COMMANDS) ? "kontor" : engine;
        String database = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String[] arguments = arguments(database, storage, appArguments);
        ConfigurableApplicationContext command = CommandSideApplication.builder()
                .sources(BenchEngineConfiguration.class).run(arguments);
        ConfigurableApplicationContext query = null;
        try {
            if (prefill > 0 && storage.equals("kontor")) {
                prefill(command.getBean(KontorEventStorageEngine.class)::appendEvents, prefill);
            } else if (prefill > 0) {
                // The other engines sit behind the command side's event store; outside a unit of work it appends
                // at once.
                prefill(command.getBean("eventBus", EventStore.class)::publish, prefill);
            }
            Apps apps;
            if (views) {
                long startQuery = System.nanoTime();
                query = QuerySideApplication.builder().run(arguments);
                apps = new Apps(url(command), url(query), query.getBean(MeterRegistry.class));
                long head = command.getBean(KontorEventStorageEngine.class).headPosition();
                apps.awaitViews(head);
                double caughtUp = (System.nanoTime() - startQuery) / 1e9;
                System.out.printf("Query side started and caught up with %,d events in %.1f s (%,.0f events/s, "
                        + "%d views; load average %s)%n", head, caughtUp, head / caughtUp, apps.positions.size(),
                        loadAverage());
            } else {
                apps = new Apps(url(command), null, null);
            }
            return measure(label, engine, prefill, apps);
        } finally {
            if (query != null) {
                query.close();
            }
            command.close();
            // The in-process server holds every database in this JVM's heap: a run's data goes with it.
            TestMongo.client().getDatabase(database).drop();
        }
    }

    private static String[] arguments(String database, String engine, List<String> extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--kontor.mongo.uri=" + TestMongo.connectionString(),
                "--kontor.mongo.database=" + database,
                "--" + BenchEngineConfiguration.ENGINE + "=" + engine,
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.io.kontor=WARN"));
        args.addAll(UserArguments.of(USERS));
        args.addAll(extra);
        return args.toArray(String[]::new);
    }

    /**
     * Journal entries appended straight through the engine, {@value #PREFILL_EVENTS_PER_COMMIT} per commit, dated in
     * log order ({@value #PREFILL_ENTRIES_PER_DAY} a day, a business posting as it goes), so a bigger prefill means a
     * longer log and more days, not the ledger's worst case of every batch touching every day.
     */
    private static void prefill(Consumer<List<EventMessage<?>>> engine, long events) {
        long start = System.nanoTime();
        Random random = new Random(7);
        List<EventMessage<?>> commit = new ArrayList<>();
        LocalDate first = LocalDate.of(2025, 1, 1);
        for (long i = 0; i < events; i++) {
            Money amount = Money.dkk(BigDecimal.valueOf(1 + random.nextInt(10_000_000), 2).toPlainString());
            String id = "prefill-" + i;
            commit.add(new GenericDomainEventMessage<>("JournalEntry", id, 0, new JournalEntryPosted(id,
                    first.plusDays(i / PREFILL_ENTRIES_PER_DAY), "prefill " + i,
                    List.of(JournalLine.debit("1010", amount), JournalLine.credit("3000", amount)))));
            if (commit.size() == PREFILL_EVENTS_PER_COMMIT || i == events - 1) {
                engine.accept(commit);
                commit = new ArrayList<>();
                if ((i + 1) % 10_000 == 0 || i == events - 1) {
                    Progress.bar("prefill", (i + 1) / (double) events, String.format("%,d events", i + 1));
                }
            }
        }
        System.err.println();
        double took = (System.nanoTime() - start) / 1e9;
        System.out.printf("Prefilled %,d events through the engine in %.1f s (%,.0f events/s; load average %s)%n",
                events, took, events / took, loadAverage());
    }

    private static String url(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The running apps: where to send commands, and (with views) each processor's position. */
    private static final class Apps {
        final String commandUrl;
        final String queryUrl;
        final Map<String, Gauge> positions = new ConcurrentHashMap<>();

        Apps(String commandUrl, String queryUrl, MeterRegistry queryMeters) {
            this.commandUrl = commandUrl;
            this.queryUrl = queryUrl;
            if (queryMeters != null) {
                queryMeters.find("kontor.projection.position").gauges()
                        .forEach(g -> positions.put(g.getId().getTag("processor"), g));
            }
        }

        long position(String processor) {
            Gauge gauge = positions.get(processor);
            return gauge == null ? Long.MAX_VALUE : (long) gauge.value();
        }

        void awaitViews(long head) {
            long start = System.nanoTime();
            while (true) {
                long slowest = positions.values().stream().mapToLong(g -> (long) g.value()).min().orElse(head);
                Progress.bar("views catching up", head == 0 ? 1 : slowest / (double) head,
                        String.format("%,d of %,d", slowest, head));
                if (slowest >= head) {
                    System.err.println();
                    return;
                }
                if (System.nanoTime() - start > 3_600_000_000_000L) {
                    throw new IllegalStateException("views did not catch up within an hour");
                }
                LockSupport.parkNanos(100_000_000);
            }
        }
    }

    private Result measure(String label, String engine, long prefill, Apps apps) {
        String run = "l" + UUID.randomUUID().toString().substring(0, 6);
        List<LoadMix.Client> owned = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            LoadMix.Client client = new LoadMix.Client(i, run);
            for (LoadMix.Request request : LoadMix.setUp(client)) {
                Answer answer = send(apps.commandUrl, request.user(), request.path(), request.body());
                if (answer.status / 100 != 2) {
                    throw new IllegalStateException("set-up " + request.path() + " answered " + answer.status + ": "
                            + answer.body);
                }
            }
            owned.add(client);
        }
        int totalWeight = LoadMix.OPERATIONS.stream().mapToInt(LoadMix.Operation::weight).sum();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder sent = new LongAdder();
        LongAdder refused = new LongAdder();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<Integer, String> firstBodies = new ConcurrentHashMap<>();
        List<long[]> latencies = new ArrayList<>();
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        boolean lag = apps.queryUrl != null && lagFraction > 0;
        CountDownLatch done = new CountDownLatch(clients);
        for (LoadMix.Client client : owned) {
            long[] mine = new long[1 << 16];
            latencies.add(mine);
            Thread thread = new Thread(() -> {
                Random random = new Random(client.number);
                int n = 0;
                long[] buffer = mine;
                try {
                    while (!stop.get()) {
                        int pick = random.nextInt(totalWeight);
                        LoadMix.Operation op = LoadMix.OPERATIONS.get(0);
                        for (LoadMix.Operation o : LoadMix.OPERATIONS) {
                            pick -= o.weight();
                            if (pick < 0) {
                                op = o;
                                break;
                            }
                        }
                        LoadMix.Request request = op.request().apply(client);
                        long start = System.nanoTime();
                        Answer answer = send(apps.commandUrl, request.user(), request.path(), request.body());
                        long answered = System.nanoTime();
                        if (!measuring.get()) {
                            continue;
                        }
                        if (op.expected() != 0 && answer.status == op.expected()) {
                            refused.increment();
                            continue;
                        }
                        sent.increment();
                        statuses.computeIfAbsent(answer.status, s -> new LongAdder()).increment();
                        if (answer.status / 100 != 2) {
                            firstBodies.putIfAbsent(answer.status, op.name() + ": " + answer.body);
                            continue;
                        }
                        if (n == buffer.length) {
                            buffer = Arrays.copyOf(buffer, n * 2);
                            synchronized (latencies) {
                                latencies.set(client.number, buffer);
                            }
                        }
                        buffer[n++] = answered - start;
                        if (lag && random.nextDouble() < lagFraction) {
                            samples.add(new Sample(op.processor(), position(answer.body), answered));
                        }
                    }
                } finally {
                    synchronized (latencies) {
                        latencies.set(client.number, Arrays.copyOf(buffer, n));
                    }
                    done.countDown();
                }
            }, "load-client-" + client.number);
            thread.setDaemon(true);
            thread.start();
        }
        LagSampler sampler = lag ? new LagSampler(apps, samples) : null;
        long warmupEnd = System.nanoTime() + warmup * 1_000_000_000L;
        while (System.nanoTime() < warmupEnd) {
            Progress.bar(label + " warm-up", 1 - (warmupEnd - System.nanoTime()) / (warmup * 1e9), "");
            LockSupport.parkNanos(250_000_000);
        }
        samples.clear();
        if (sampler != null) {
            sampler.start();
        }
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        measuring.set(true);
        long end = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            Progress.bar(label, elapsed / seconds, String.format("%,d commands, %,.0f/s, %s", sent.sum(),
                    sent.sum() / Math.max(elapsed, 1e-3), statuses.keySet()));
            LockSupport.parkNanos(250_000_000);
        }
        measuring.set(false);
        long wall = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpuStart;
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        stop.set(true);
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.err.println();
        long[] lags = sampler == null ? new long[0] : sampler.finish();
        long[] all;
        synchronized (latencies) {
            all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
        }
        Arrays.sort(all);
        Arrays.sort(lags);
        Map<Integer, Long> counted = new TreeMap<>();
        statuses.forEach((s, c) -> counted.put(s, c.sum()));
        Result result = new Result(label, engine, prefill, sent.sum(), refused.sum(), wall / 1e9, counted, all, lags,
                heap, rss(), cpu / (double) wall, loadAverage());
        System.out.println(Result.HEADER);
        System.out.println(result.row());
        firstBodies.forEach((status, body) -> System.out.printf("  first %d answer: %s%n", status,
                body.length() > 300 ? body.substring(0, 300) : body));
        return result;
    }

    private static long position(String body) {
        try {
            return JSON.readTree(body).get("position").asLong();
        } catch (IOException e) {
            throw new IllegalStateException("not a command answer: " + body, e);
        }
    }

    private record Sample(String processor, long position, long answeredNanos) {
    }

    /**
     * Watches the processors' positions (read in-process from the query side's meters, every millisecond) and
     * records, for each sampled command, the time from its answer until its view's processor reached the answered
     * position: that processor has then written the view and stored its token, so any query shows the command.
     */
    private static final class LagSampler extends Thread {
        private final Apps apps;
        private final ConcurrentLinkedQueue<Sample> incoming;
        private final List<Sample> pending = new ArrayList<>();
        private long[] lags = new long[1 << 14];
        private int count;
        private final Map<String, List<Long>> byProcessor = new TreeMap<>();
        private volatile boolean finishing;

        LagSampler(Apps apps, ConcurrentLinkedQueue<Sample> incoming) {
            super("load-lag-sampler");
            setDaemon(true);
            this.apps = apps;
            this.incoming = incoming;
        }

        @Override
        public void run() {
            long deadline = Long.MAX_VALUE;
            while (true) {
                for (Sample s; (s = incoming.poll()) != null; ) {
                    pending.add(s);
                }
                if (!pending.isEmpty()) {
                    Map<String, Long> positions = new LinkedHashMap<>();
                    long now = System.nanoTime();
                    pending.removeIf(s -> {
                        if (positions.computeIfAbsent(s.processor(), apps::position) >= s.position()) {
                            if (count == lags.length) {
                                lags = Arrays.copyOf(lags, count * 2);
                            }
                            lags[count++] = now - s.answeredNanos();
                            byProcessor.computeIfAbsent(s.processor(), p -> new ArrayList<>())
                                    .add(now - s.answeredNanos());
                            return true;
                        }
                        return false;
                    });
                }
                if (finishing) {
                    deadline = Math.min(deadline, System.nanoTime() + 30_000_000_000L);
                    if ((pending.isEmpty() && incoming.isEmpty()) || System.nanoTime() > deadline) {
                        return;
                    }
                }
                LockSupport.parkNanos(1_000_000);
            }
        }

        long[] finish() {
            finishing = true;
            try {
                join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!pending.isEmpty()) {
                System.out.printf("  %d lag samples never reached their view within 30 s%n", pending.size());
            }
            StringBuilder views = new StringBuilder("  lag p50/p99 ms by view:");
            byProcessor.forEach((processor, values) -> {
                long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
                views.append(String.format(" %s %.0f/%.0f (%d);", processor, Result.percentile(sorted, 0.50),
                        Result.percentile(sorted, 0.99), sorted.length));
            });
            System.out.println(views);
            return Arrays.copyOf(lags, count);
        }
    }

    private record Answer(int status, String body) {
    }

    private Answer send(String base, String user, String path, String body) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, e.toString());
        }
    }

    /** The machine's 1-, 5- and 15-minute load averages, as {@code uptime} prints them. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Resident set size of this process in bytes, from /proc/self/status (0 where there is none). */
    private static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** What one run measured. */
    private record Result(String label, String engine, long prefill, long commands, long refused, double seconds,
                          Map<Integer, Long> statuses, long[] latencies, long[] lags, long heapBytes, long rssBytes,
                          double cores, String load) {

        static final String HEADER = String.format(
                "%-26s %10s %9s %9s %9s %9s %9s %10s %10s %10s %8s %8s %6s %16s %8s  %s", "run", "commands", "cmd/s",
                "cmd/CPU-s", "p50 ms", "p95 ms", "p99 ms", "lag p50", "lag p95", "lag p99", "heap MB", "RSS MB",
                "cores", "load average", "409 exp", "other answers by status");

        double perSecond() {
            return commands / seconds;
        }

        /** Commands per second of this process's CPU (apps, server and clients): what other load barely moves. */
        double perCpuSecond() {
            return commands / (seconds * cores);
        }

        double latencyMs(double quantile) {
            return percentile(latencies, quantile);
        }

        double lagMs(double quantile) {
            return percentile(lags, quantile);
        }

        static double percentile(long[] sorted, double quantile) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(quantile * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }

        String row() {
            return String.format(
                    "%-26s %,10d %,9.0f %,9.0f %9.1f %9.1f %9.1f %10s %10s %10s %,8d %,8d %6.2f %16s %,8d  %s", label,
                    commands, perSecond(), perCpuSecond(), latencyMs(0.50), latencyMs(0.95), latencyMs(0.99),
                    lag(0.50), lag(0.95), lag(0.99), heapBytes >> 20, rssBytes >> 20, cores, load, refused, statuses);
        }

        private String lag(double quantile) {
            return lags.length == 0 ? "-" : String.format("%.1f", lagMs(quantile));
        }
    }

    /** A one-line progress bar on stderr, redrawn in place. */
    static final class Progress {
        private static final AtomicLong LAST = new AtomicLong();

        static void bar(String what, double fraction, String detail) {
            long now = System.nanoTime();
            if (fraction < 1 && now - LAST.get() < 200_000_000L) {
                return;
            }
            LAST.set(now);
            int width = 30;
            int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * width);
            System.err.printf("\r%-28s [%s%s] %3.0f %% %s      ", what, "#".repeat(filled), ".".repeat(width - filled),
                    Math.max(0, Math.min(1, fraction)) * 100, detail);
        }
    }
}
