package id.sakip.ledger.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;

import id.sakip.ledger.LedgerApiTest;
import id.sakip.ledger.LedgerApplication;
import id.sakip.ledger.budget.api.AdoptBudget;
import id.sakip.ledger.budget.api.BudgetActivity;
import id.sakip.ledger.budget.api.BudgetLine;
import id.sakip.ledger.budget.api.BudgetProgram;
import id.sakip.ledger.budget.api.EconomicClass;
import id.sakip.ledger.budget.api.RecordRealisation;
import id.sakip.ledger.eventstore.CommitLog;
import id.sakip.ledger.eventstore.ProjectionLag;
import id.sakip.ledger.eventstore.metadata.LedgerMetadata;
import id.sakip.ledger.eventstore.projection.ProjectionRebuilds;
import id.sakip.ledger.shared.Rupiah;

/**
 * The ledger's benchmark: every figure is measured in the same run as its baseline. Prints a table and
 * writes {@code target/bench/results.json}. {@code --quick} keeps it under ten minutes on 2 cores.
 */
public final class LedgerBenchmark {

    static final String PASSWORD = "bench-admin-password-1";
    private static final Map<String, Object> RESULTS = new LinkedHashMap<>();
    private static final List<String[]> TABLE = new ArrayList<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LedgerBenchmark() {
    }

    static void put(String key, Object value, String target) {
        RESULTS.put(key, value);
        TABLE.add(new String[] {key, String.valueOf(value), target});
    }

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static final AtomicLong ENTRY = new AtomicLong();
    /** The JVM options the ledger ships with ({@code ledger.jvm.args} in the pom, ops/ and the README). */
    public static final String JVM_ARGS = "-Xmx400m -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=96m -Xss512k -XX:+UseSerialGC";

    private static void run(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        int reportLines = 30;
        int realisationsPerLine = quick ? 500 : 5_000;
        int otherOrganisations = 40;
        int replayEvents = quick ? 100_000 : 1_000_000;
        Path work = Files.createTempDirectory("ledger-bench");
        if (List.of(args).contains("--api-only")) {
            outOfProcess(work.resolve("api"), true);
            TABLE.forEach(row -> System.out.printf("%-32s %18s%n", row[0], row[1]));
            return;
        }
        RESULTS.put("mode", quick ? "quick" : "full");
        RESULTS.put("machine", Runtime.getRuntime().availableProcessors() + " cores");
        double scale = Double.parseDouble(System.getProperty("bench.scale", "1"));
        if (scale != 1) {
            RESULTS.put("scale", scale);
        }
        List<String> parts = List.of("--peers", "--import-only", "--startup-only", "--memory-only").stream()
                .filter(List.of(args)::contains).toList();
        if (!parts.isEmpty()) {
            for (String part : parts) {
                measure(part, work, quick, scale);
            }
            write("results-" + String.join("-", parts.stream().map(p -> p.replace("--", "").replace("-only", ""))
                    .toList()) + ".json");
            return;
        }

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LedgerApplication.class)
                .run("--ledger.data-dir=" + work.resolve("inprocess"), "--server.port=0",
                        "--ledger.security.bootstrap-admin-password=" + PASSWORD,
                        "--ledger.mongo.embedded-also-durable=bench_raw",
                        "--logging.level.root=WARN", "--logging.level.id.sakip.ledger=WARN")) {
            if (List.of(args).contains("--append-only")) {
                appendOnly(app);
                return;
            }
            if (List.of(args).contains("--replay-only")) {
                replayOnly(app);
                return;
            }
            inProcess(app, reportLines, realisationsPerLine, otherOrganisations, replayEvents, quick);
        }
        long disk = Files.size(work.resolve("inprocess").resolve("ledger.mv.db"));
        long events = ((Number) RESULTS.get("inprocess.events")).longValue();
        put("disk.bytesPerEvent", disk / Math.max(1, events), "<= 2048");
        outOfProcess(work.resolve("api"), quick);
        for (String part : List.of("--import-only", "--startup-only", "--memory-only", "--peers")) {
            measure(part, work, quick, scale);
        }
        write("results.json");
    }

    /**
     * One part that also runs alone: the peers ({@code --peers}, only those named in {@code bench.peers} when
     * set), the bulk import, the start on a large store, the memory mix.
     */
    private static void measure(String part, Path work, boolean quick, double scale) throws Exception {
        switch (part) {
            case "--peers" -> {
                String only = System.getProperty("bench.peers", "");
                RESULTS.put("peers", new PeerBenchmark(PeerBenchmark.Sizes.of(quick, scale), work.resolve("peers"),
                        only.isBlank() ? java.util.Set.of() : java.util.Set.of(only.split(","))).run());
            }
            case "--import-only" -> ProductBenchmark.bulkImport(work, scale);
            case "--startup-only" -> ProductBenchmark.startup(work, quick, scale);
            case "--memory-only" -> ProductBenchmark.memory(work, quick, scale);
            default -> throw new IllegalArgumentException(part);
        }
    }

    /** Writes the results to target/bench/{@code file} and prints the table of flat figures. */
    private static void write(String file) throws IOException {
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve(file), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(RESULTS));
        System.out.println();
        System.out.printf("%-32s %18s   %s%n", "figure", "value", "target");
        System.out.println("-".repeat(72));
        for (String[] row : TABLE) {
            System.out.printf("%-32s %18s   %s%n", row[0], row[1], row[2]);
        }
        System.out.println("\nwritten: " + out.resolve(file).toAbsolutePath());
    }

    private static List<BudgetLine> lines(int count, long amount) {
        List<BudgetLine> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add(new BudgetLine(String.valueOf(i), i, "line " + i, EconomicClass.BARANG_JASA, null, null,
                    Rupiah.of(amount)));
        }
        return lines;
    }

    private static AdoptBudget budget(String org, int lines) {
        return budget(org, 2025, lines);
    }

    private static AdoptBudget budget(String org, int year, int lines) {
        return new AdoptBudget(org, year, "APBD", "DPA", null, null, List.of(new BudgetProgram(1, "P", null,
                List.of(new BudgetActivity(1, "K", "S1", null, lines(lines, 1_000_000_000_000L))))));
    }

    private static final MetaData BENCH = MetaData.with(LedgerMetadata.ACTOR_ID, "bench")
            .and(LedgerMetadata.ACTOR_ROLE, "ADMIN");

    private static RecordRealisation spend(String org, int line, long n) {
        return spend(org, 2025, line, n);
    }

    private static RecordRealisation spend(String org, int year, int line, long n) {
        return new RecordRealisation(org, year, "e" + ENTRY.incrementAndGet(), String.valueOf(line),
                Rupiah.of(1 + n % 1000), java.time.LocalDate.of(year, 1 + (int) (n % 12), 1 + (int) (n % 28)),
                "SP2D-" + n, "belanja " + n);
    }

    /** Sends {@code count} realisations spread over {@code orgs}, from {@code threads} threads (one org each). */
    private static double append(CommandGateway gateway, List<String> orgs, int lines, int count, int threads)
            throws Exception {
        return send(gateway, count, threads, (t, i) -> spend(orgs.get(t % orgs.size()), 1 + (int) (i % lines), i));
    }

    /** Sends realisation {@code i} = 0 .. {@code count - 1} as {@code command(thread, i)}; returns the rate. */
    private static double send(CommandGateway gateway, int count, int threads,
                               java.util.function.BiFunction<Integer, Long, RecordRealisation> command)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong n = new AtomicLong();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                long i;
                while ((i = n.getAndIncrement()) < count) {
                    gateway.sendAndWait(command.apply(thread, i), BENCH);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static final int[] KABUPATEN_BUDGET_YEARS = {2024, 2025};

    /** Sends {@code count} realisations spread evenly over every organisation's budgets of {@code years}. */
    private static void spread(CommandGateway gateway, List<String> orgs, int[] years, int lines, int count,
                               int threads) throws Exception {
        int budgets = orgs.size() * years.length;
        send(gateway, count, threads, (t, i) -> spend(orgs.get((int) (i % budgets) / years.length),
                years[(int) (i % budgets) % years.length], 1 + (int) (i / budgets % lines), i));
    }

    /** Only the in-process append figures, for profiling ({@code --append-only}, e.g. under JFR). */
    private static void appendOnly(ConfigurableApplicationContext app) throws Exception {
        CommandGateway gateway = app.getBean(CommandGateway.class);
        List<String> orgs = List.of("bench-a1", "bench-a2", "bench-a3", "bench-a4");
        for (String org : orgs) {
            gateway.sendAndWait(budget(org, 30), BENCH);
        }
        append(gateway, orgs, 30, 1_000, 4);
        var registry = app.getBean(io.micrometer.core.instrument.MeterRegistry.class);
        for (int threads : new int[] {1, 4}) {
            double commits = registry.get("ledger.store.commits").functionCounter().count();
            double seconds = registry.get("ledger.store.commit.time").functionCounter().count();
            double forces = registry.get("ledger.store.forces").functionCounter().count();
            double forceSeconds = registry.get("ledger.store.force.time").functionCounter().count();
            int count = 2_000 * threads;
            Interval interval = Interval.start();
            double rate = append(gateway, threads == 1 ? orgs.subList(0, 1) : orgs, 30, count, threads);
            System.out.printf("append %d thread(s): %.2f cores busy%n", threads, interval.coresBusy());
            double c = registry.get("ledger.store.commits").functionCounter().count() - commits;
            double s = registry.get("ledger.store.commit.time").functionCounter().count() - seconds;
            System.out.printf("append %d thread(s): %.0f events/s; %.2f file commits per event, %.2f ms each%n",
                    threads, rate, c / count, 1000 * s / Math.max(1, c));
            double f = registry.get("ledger.store.forces").functionCounter().count() - forces;
            double fs = registry.get("ledger.store.force.time").functionCounter().count() - forceSeconds;
            System.out.printf("append %d thread(s): %.2f forces to disk per event, %.2f ms each%n",
                    threads, f / count, 1000 * fs / Math.max(1, f));
        }
        app.getBean(ProjectionLag.class).awaitCaughtUp(Duration.ofMinutes(5));
    }

    /** Only rebuilds of every projection from 20 000 events, three in a row, for profiling ({@code --replay-only}). */
    private static void replayOnly(ConfigurableApplicationContext app) throws Exception {
        CommandGateway gateway = app.getBean(CommandGateway.class);
        List<String> orgs = new ArrayList<>();
        for (int o = 0; o < 16; o++) {
            orgs.add("bench-r" + o);
            gateway.sendAndWait(budget("bench-r" + o, 30), BENCH);
        }
        append(gateway, orgs, 30, 20_000, 16);
        app.getBean(ProjectionLag.class).awaitCaughtUp(Duration.ofMinutes(5));
        long events = app.getBean(CommitLog.class).headSequence();
        ProjectionRebuilds rebuilds = app.getBean(ProjectionRebuilds.class);
        for (int pass = 1; pass <= 3; pass++) {
            Interval interval = Interval.start();
            rebuildAll(rebuilds);
            interval.printBusiestThreads("in replay " + pass);
            System.out.printf("replay %d: %d events, %.0f events/s, %.2f cores busy%n", pass, events,
                    events / interval.seconds(), interval.coresBusy());
        }
        for (String processor : rebuilds.processors()) {
            Interval interval = Interval.start();
            rebuild(rebuilds, List.of(processor));
            System.out.printf("replay of %s alone: %.0f events/s, %.2f cores busy%n", processor,
                    events / interval.seconds(), interval.coresBusy());
        }
    }

    /**
     * CPU time of each thread of process {@code pid} ("self" for this JVM) from /proc, JIT compiler and GC
     * threads included (which the JVM's thread bean does not list), keyed by thread id; empty without /proc.
     * Linux counts it in clock ticks of 10 ms (USER_HZ 100), so only intervals of seconds are meaningful.
     */
    private static Map<String, ThreadCpu> threadCpu(String pid) {
        Map<String, ThreadCpu> byId = new java.util.HashMap<>();
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc", pid, "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    byId.put(task.getFileName().toString(), new ThreadCpu(name.replaceAll("[-#]?\\d+$", ""),
                            ticks * 10_000_000L));
                } catch (IOException ended) {
                    // the thread ended while it was listed
                }
            });
        } catch (IOException noProc) {
            // not Linux: no per-thread figures
        }
        return byId;
    }

    /** A thread's name without its trailing number, and its CPU time so far. */
    private record ThreadCpu(String name, long nanos) {
    }

    /**
     * CPU time used since {@code before} by the threads alive now, summed by name (a thread that ended in
     * between is missing, so a figure can be low, never negative).
     */
    private static Map<String, Long> cpuSince(Map<String, ThreadCpu> before, Map<String, ThreadCpu> now) {
        Map<String, Long> byName = new java.util.TreeMap<>();
        now.forEach((id, cpu) -> {
            ThreadCpu earlier = before.get(id);
            long since = earlier == null || !earlier.name().equals(cpu.name()) ? cpu.nanos() : cpu.nanos() - earlier.nanos();
            byName.merge(cpu.name(), since, Long::sum);
        });
        return byName;
    }

    /**
     * Wall time and this JVM's CPU time (application and load generator) from a start, to tell a
     * CPU-bound figure from a waiting one, and the per-thread CPU time of one process (this JVM, or the
     * application under test), to tell which threads used it.
     */
    record Interval(long nanos, long cpuNanos, String pid, Map<String, ThreadCpu> threads) {

        /** From now, for this JVM. */
        static Interval start() {
            return new Interval(System.nanoTime(), processCpuNanos(), "self", threadCpu("self"));
        }

        /** From now, with the threads of process {@code pid} (the application under test). */
        static Interval start(long pid) {
            return new Interval(System.nanoTime(), processCpuNanos(), String.valueOf(pid),
                    threadCpu(String.valueOf(pid)));
        }

        /** Cores the process's JIT compiler threads kept busy since the start. */
        double compilerCores() {
            return cpuSince(threads, threadCpu(pid)).entrySet().stream()
                    .filter(e -> e.getKey().matches("C[12] CompilerThre.*")).mapToLong(Map.Entry::getValue).sum()
                    / (seconds() * 1e9);
        }

        /** CPU time of the process's threads (not its JIT compilers) since the start, in milliseconds. */
        double workCpuMs() {
            return cpuSince(threads, threadCpu(pid)).entrySet().stream()
                    .filter(e -> !e.getKey().matches("C[12] CompilerThre.*")).mapToLong(Map.Entry::getValue).sum() / 1e6;
        }

        /** Prints the process's threads that used the most CPU since the start, as cores busy. */
        void printBusiestThreads(String when) {
            double elapsed = seconds() * 1e9;
            StringBuilder line = new StringBuilder("busiest threads " + when + ":");
            cpuSince(threads, threadCpu(pid)).entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                    .forEach(e -> line.append(String.format(" %s %.2f;", e.getKey(), e.getValue() / elapsed)));
            System.out.println(line);
        }

        double seconds() {
            return (System.nanoTime() - nanos) / 1e9;
        }

        /** Cores kept busy on average since the start. */
        double coresBusy() {
            return (processCpuNanos() - cpuNanos) / (double) (System.nanoTime() - nanos);
        }

        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
        }
    }

    private static void inProcess(ConfigurableApplicationContext app, int reportLines, int perLine, int others,
                                  int replayEvents, boolean quick) throws Exception {
        CommandGateway gateway = app.getBean(CommandGateway.class);
        MongoDatabase db = app.getBean(MongoDatabase.class);
        CommitLog log = app.getBean(CommitLog.class);
        List<String> appendOrgs = List.of("bench-a1", "bench-a2", "bench-a3", "bench-a4");
        for (String org : appendOrgs) {
            gateway.sendAndWait(budget(org, 30), BENCH);
        }
        int appendCount = quick ? 4_000 : 40_000;
        var backend = app.getBean(id.sakip.ledger.eventstore.config.MongoConnection.class).embedded().backend();
        long forcesBefore = backend.fileForces();
        double one = append(gateway, appendOrgs.subList(0, 1), 30, appendCount / 2, 1);
        double forcesPerEventOne = (backend.fileForces() - forcesBefore) / (appendCount / 2.0);
        forcesBefore = backend.fileForces();
        Interval appending = Interval.start();
        double four = append(gateway, appendOrgs, 30, appendCount, 4);
        double forcesPerEventFour = (backend.fileForces() - forcesBefore) / (double) appendCount;
        appending.printBusiestThreads("in the append at 4 threads");
        double appendCores = appending.coresBusy();

        Document sample = db.getCollection("commits").find(new Document("_id", log.headSequence())).first();
        MongoCollection<Document> raw = db.getCollection("bench_raw");
        List<Document> batch = new ArrayList<>();
        long rawStart = System.nanoTime();
        for (int i = 0; i < appendCount; i++) {
            Document d = new Document(sample);
            d.put("_id", (long) i);
            d.put("keys", List.of("raw#" + i));
            batch.add(d);
            if (batch.size() == 1_000) {
                raw.insertMany(batch, new InsertManyOptions().ordered(true));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            raw.insertMany(batch);
        }
        double rawRate = appendCount / ((System.nanoTime() - rawStart) / 1e9);
        raw.drop();
        put("append.eventsPerSecond.1thread", Math.round(one), "");
        put("append.eventsPerSecond", Math.round(four), "(4 threads)");
        put("append.forcesPerEvent.1thread", round(forcesPerEventOne), "forces of the file to the disk");
        put("append.forcesPerEvent", round(forcesPerEventFour), "(4 threads; below 1: shared forces)");
        put("append.eventsPerSecond.beforeForcing", "390 / 980", "1 / 4 threads, last full run without forces (2026-11-28)");
        put("append.coresBusy", round(appendCores), "of " + Runtime.getRuntime().availableProcessors() + " (4 threads)");
        put("append.rawInsertManyPerSecond", Math.round(rawRate), "baseline");
        put("append.ratioToRaw", round(four / rawRate), ">= 0.5");

        // the report organisation (30 lines x N realisations) and others up to the replay size
        gateway.sendAndWait(budget("bench-report", reportLines), BENCH);
        long reportStart = System.nanoTime();
        append(gateway, List.of("bench-report"), reportLines, reportLines * perLine, 1);
        // a kabupaten: each organisation has its own copy of the Jiken LKjIP (Renstra, targets and
        // realisations 2021-2023, the 2023 DPA with its realisations) and DPAs for 2024 and 2025
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        List<String> orgs = new ArrayList<>();
        long importStart = System.nanoTime();
        for (int o = 0; o < others; o++) {
            String org = "bench-org-" + o;
            orgs.add(org);
            importJiken(port, org);
            for (int year : KABUPATEN_BUDGET_YEARS) {
                gateway.sendAndWait(budget(org, year, 30), BENCH);
            }
        }
        System.out.printf("imported the Jiken LKjIP for %d organisations in %.0f s%n", others,
                (System.nanoTime() - importStart) / 1e9);
        long remaining = Math.max(0, replayEvents - log.headSequence());
        if (remaining > 0) {
            // loading is set-up, not a measured figure
            spread(gateway, orgs, KABUPATEN_BUDGET_YEARS, 30, (int) remaining, 16);
        }
        System.out.printf("loaded %d events in %.0f s%n", log.headSequence(), (System.nanoTime() - reportStart) / 1e9);
        Instant midHistory = Instant.now();
        append(gateway, List.of("bench-report"), reportLines, 500, 1);
        ProjectionLag lag = app.getBean(ProjectionLag.class);
        lag.awaitCaughtUp(Duration.ofMinutes(10));
        long events = log.headSequence();
        put("inprocess.events", events, "");

        String table39 = "/api/v1/organisations/bench-report/reports/budget-realisation?year=2025";
        Interval reporting = Interval.start();
        List<Long> t39 = timeGets(port, table39, 200);
        reporting.printBusiestThreads("while Table 3.9 was timed");
        put("report.p50Ms", percentile(t39, 50), "");
        put("report.p99Ms", percentile(t39, 99), "< 50 (Table 3.9, " + reportLines + " lines x " + perLine + ")");
        // one client asks one report at a time: much more than one core busy means background work competed
        put("report.coresBusy", round(reporting.coresBusy()), "while Table 3.9 was timed, right after the load");
        importJiken(port, "kec-jiken");
        lag.awaitCaughtUp(Duration.ofMinutes(2));
        String table33 = "/api/v1/organisations/kec-jiken/reports/indicator-comparison?from=2021&to=2023";
        String first33 = get(port, table33);
        if (!first33.contains("\"rows\"")) {
            throw new IllegalStateException("Table 3.3 failed: " + first33);
        }
        List<Long> t33 = timeGets(port, table33, 200);
        put("report.table33.p50Ms", percentile(t33, 50), "");
        put("report.table33.p99Ms", percentile(t33, 99), "< 50 (Table 3.3, Jiken 2021-2023, same database)");
        List<String> kabupaten39 = new ArrayList<>();
        List<String> kabupaten33 = new ArrayList<>();
        for (String org : orgs) {
            for (int year = 2023; year <= 2025; year++) {
                kabupaten39.add("/api/v1/organisations/" + org + "/reports/budget-realisation?year=" + year);
            }
            kabupaten33.add("/api/v1/organisations/" + org + "/reports/indicator-comparison?from=2021&to=2023");
        }
        expect(port, kabupaten39, "\"lines\"");
        expect(port, kabupaten33, "\"rows\"");
        List<Long> k39 = timeGets(port, kabupaten39, 2 * kabupaten39.size());
        put("report.kabupaten.table39.p50Ms", percentile(k39, 50), "");
        put("report.kabupaten.table39.p99Ms", percentile(k39, 99), "< 50 (Table 3.9, " + orgs.size()
                + " organisations x 2023-2025)");
        List<Long> k33 = timeGets(port, kabupaten33, 5 * kabupaten33.size());
        put("report.kabupaten.table33.p50Ms", percentile(k33, 50), "");
        put("report.kabupaten.table33.p99Ms", percentile(k33, 99), "< 50 (Table 3.3, " + orgs.size()
                + " organisations x 2021-2023)");
        long asOfStart = System.nanoTime();
        String asOf = get(port, "/api/v1/organisations/bench-report/reports/budget-realisation?year=2025&asOf="
                + midHistory);
        put("asOf.ms", (System.nanoTime() - asOfStart) / 1_000_000, "< 2000 (" + (reportLines * perLine)
                + " events folded)");
        if (!asOf.contains("\"lines\"")) {
            throw new IllegalStateException("asOf report failed: " + asOf);
        }

        // growth: command latency on aggregates with 10, 1 000 and many events
        gateway.sendAndWait(budget("bench-g10", 30), BENCH);
        append(gateway, List.of("bench-g10"), 30, 10, 1);
        gateway.sendAndWait(budget("bench-g1000", 30), BENCH);
        append(gateway, List.of("bench-g1000"), 30, 1_000, 1);
        put("growth.p50Ms.10events", latency(gateway, "bench-g10"), "");
        put("growth.p50Ms.1000events", latency(gateway, "bench-g1000"), "");
        put("growth.p50Ms." + (reportLines * perLine) + "events", latency(gateway, "bench-report"), "flat");

        // Table 3.9 again, minutes after the load, to tell a slower store from work still catching up
        Interval reportingLater = Interval.start();
        List<Long> later39 = timeGets(port, table39, 200);
        reportingLater.printBusiestThreads("while Table 3.9 was timed again");
        put("report.later.p50Ms", percentile(later39, 50), "");
        put("report.later.p99Ms", percentile(later39, 99), "Table 3.9 again, after asOf and growth");
        put("report.later.coresBusy", round(reportingLater.coresBusy()), "");

        // replay: rebuild every projection from the log, against raw scans of the same log, of which the
        // faster is the baseline; the best this server does: one cursor over the whole collection (which mongo-java-server holds
        // in memory at once, so not for a million events), and reads by the unique index of as many _ids at a
        // time as the engine's own reads take (its $in matching costs grow with the square of the list)
        MongoCollection<Document> commits = db.getCollection("commits");
        long replayed = log.headSequence();
        double idScanRate = rawScanByIds(commits, replayed);
        put("replay.rawScanByIdsPerSecond", Math.round(idScanRate), "baseline (" + CommitLog.WINDOW + " _ids per find)");
        double scanRate = idScanRate;
        if (quick) {
            double cursorRate = rawScanOneCursor(commits);
            put("replay.rawScanOneCursorPerSecond", Math.round(cursorRate), "baseline (one cursor)");
            scanRate = Math.max(idScanRate, cursorRate);
        }
        ProjectionRebuilds rebuilds = app.getBean(ProjectionRebuilds.class);
        Interval replaying = Interval.start();
        List<String> processors = rebuildAll(rebuilds);
        replaying.printBusiestThreads("in the replay");
        double replay = replayed / replaying.seconds();
        put("replay.eventsPerSecond", Math.round(replay), ">= 20000 (" + processors.size() + " projections)");
        put("replay.coresBusy", round(replaying.coresBusy()), "of " + Runtime.getRuntime().availableProcessors());
        put("replay.rawScanPerSecond", Math.round(scanRate), "baseline");
        put("replay.ratioToRaw", round(replay / scanRate), ">= 0.5");
    }

    /** Rebuilds every read model and fails the run unless every rebuild is done; returns their names. */
    private static List<String> rebuildAll(ProjectionRebuilds rebuilds) {
        return rebuild(rebuilds, rebuilds.processors());
    }

    /** Rebuilds the named read models in one pass and fails the run unless every rebuild is done. */
    private static List<String> rebuild(ProjectionRebuilds rebuilds, List<String> processors) {
        rebuilds.start(processors);
        for (String p : processors) {
            if (!rebuilds.awaitDone(p, Duration.ofMinutes(30)) || !"DONE".equals(rebuilds.status(p).state())) {
                throw new IllegalStateException("rebuild of " + p + " did not finish: " + rebuilds.status(p));
            }
        }
        return processors;
    }

    /** Events per second read from the commits, one find of as many consecutive {@code _id}s as the engine reads. */
    private static double rawScanByIds(MongoCollection<Document> commits, long head) {
        long start = System.nanoTime();
        long scanned = 0;
        for (long from = 1; from <= head; from += CommitLog.WINDOW) {
            List<Long> ids = new ArrayList<>(CommitLog.WINDOW);
            for (long id = from; id < from + CommitLog.WINDOW; id++) {
                ids.add(id);
            }
            for (Document commit : commits.find(new Document("_id", new Document("$in", ids)))) {
                scanned += eventsIn(commit);
            }
        }
        return scanned / ((System.nanoTime() - start) / 1e9);
    }

    /** Events per second read from the commits through one cursor over the whole collection. */
    private static double rawScanOneCursor(MongoCollection<Document> commits) {
        long start = System.nanoTime();
        long scanned = 0;
        try (MongoCursor<Document> cursor = commits.find().batchSize(1_000).cursor()) {
            while (cursor.hasNext()) {
                scanned += eventsIn(cursor.next());
            }
        }
        return scanned / ((System.nanoTime() - start) / 1e9);
    }

    private static long eventsIn(Document commit) {
        return ((Number) commit.get("last")).longValue() - ((Number) commit.get("_id")).longValue() + 1;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static double latency(CommandGateway gateway, String org) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long start = System.nanoTime();
            gateway.sendAndWait(spend(org, 1 + i % 30, 10_000_000L + i), BENCH);
            micros.add((System.nanoTime() - start) / 1_000);
        }
        Collections.sort(micros);
        return micros.get(micros.size() / 2) / 1000.0;
    }

    private static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)));
    }

    private static String get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(request(port, path).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static List<Long> timeGets(int port, String path, int count) throws Exception {
        return timeGets(port, List.of(path), count);
    }

    /** Times {@code count} GETs taking the paths in turn, after one untimed GET of the first. */
    private static List<Long> timeGets(int port, List<String> paths, int count) throws Exception {
        get(port, paths.get(0));
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            get(port, paths.get(i % paths.size()));
            micros.add((System.nanoTime() - start) / 1_000);
        }
        return micros;
    }

    /** Fails the run when a report does not answer with what it must contain. */
    private static void expect(int port, List<String> paths, String content) throws Exception {
        for (String path : paths) {
            String body = get(port, path);
            if (!body.contains(content)) {
                throw new IllegalStateException(path + " failed: " + body);
            }
        }
    }

    /** Imports the Jiken LKjIP as organisation {@code org}. */
    private static void importJiken(int port, String org) throws Exception {
        byte[] yaml = new String(LedgerApiTest.jikenYaml(), StandardCharsets.UTF_8)
                .replace("id: kec-jiken", "id: " + org).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> imported = HTTP.send(request(port, "/api/v1/imports/lkjip")
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(yaml)).build(), HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() / 100 != 2) {
            throw new IllegalStateException("Jiken import as " + org + " failed: " + imported.body());
        }
    }

    private static double percentile(List<Long> micros, int p) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    private static void outOfProcess(Path dataDir, boolean quick) throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path jar = Path.of(System.getProperty("bench.jar", "target/ledger.jar"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(List.of(JVM_ARGS.split(" ")));
        String profile = System.getProperty("bench.appJvmArgs", "");
        if (!profile.isBlank()) {
            command.addAll(List.of(profile.split(" ")));
        }
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--ledger.data-dir=" + dataDir));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(Path.of("target", "bench", "app.log").toFile());
        builder.environment().put("LEDGER_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD);
        Files.createDirectories(Path.of("target", "bench"));
        long start = System.nanoTime();
        Process app = builder.start();
        try {
            org.awaitility.Awaitility.await("the ledger to be ready").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(50)).until(() -> {
                        if (!app.isAlive()) {
                            throw new IllegalStateException("the ledger exited during start-up");
                        }
                        return ready(port);
                    });
            put("api.startupSeconds", round((System.nanoTime() - start) / 1e9), "start to ready, empty store (startup.seconds: large store)");
            List<String> orgs = new ArrayList<>();
            for (int o = 0; o < 40; o++) {
                String org = "api-org-" + o;
                orgs.add(org);
                StringBuilder lines = new StringBuilder();
                for (int l = 1; l <= 30; l++) {
                    lines.append(l > 1 ? "," : "").append("{\"lineId\":\"").append(l).append("\",\"number\":").append(l)
                            .append(",\"name\":\"L\",\"economicClass\":\"modal\",\"amount\":1000000000000}");
                }
                HTTP.send(request(port, "/api/v1/organisations/" + org + "/budgets/2025")
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"fund\":\"APBD\",\"programs\":[{\"number\":1,\"name\":\"P\",\"activities\":[{\"number\":1,"
                                        + "\"name\":\"K\",\"objective\":\"S1\",\"lines\":[" + lines + "]}]}]}")).build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            long[] rssHolder = {0};
            for (int clients : new int[] {1, 4, 16}) {
                int count = (quick ? 400 : 2_000) * clients;
                Interval interval = Interval.start(app.pid());
                double[] result = apiLoad(port, orgs, clients, count, app.pid(), rssHolder);
                put("api.realisationsPerSecond." + clients + "clients", Math.round(result[0]), "");
                put("api.p50Ms." + clients + "clients", result[1], "");
                put("api.p99Ms." + clients + "clients", result[2], "");
                put("api.compilerCores." + clients + "clients", round(interval.compilerCores()),
                        "JIT compiler threads of the application");
            }
            // A server runs for weeks; on 2 cores its JIT compilers take about a core for the first minutes.
            // The same 16 clients again, in rounds, until the compilers are nearly idle or the rounds run out.
            double[] warm = null;
            int rounds = quick ? 4 : 6;
            int round = 0;
            double compilerCores = Double.NaN;
            double appCpuMs = Double.NaN;
            double generatorCpuMs = Double.NaN;
            while (round < rounds && !(compilerCores < 0.1)) {
                round++;
                Interval interval = Interval.start(app.pid());
                int warmCount = (quick ? 400 : 1_000) * 16;
                Interval generator = Interval.start();
                warm = apiLoad(port, orgs, 16, warmCount, app.pid(), rssHolder);
                compilerCores = interval.compilerCores();
                appCpuMs = interval.workCpuMs() / warmCount;
                generatorCpuMs = (generator.coresBusy() * generator.seconds() * 1e3) / warmCount;
                System.out.printf("api, 16 clients, round %d: %.0f realisations/s, p50 %.1f ms, p99 %.1f ms, "
                        + "JIT compilers %.2f cores, application %.2f ms CPU per realisation, load generator %.2f ms%n",
                        round, warm[0], warm[1], warm[2], compilerCores, appCpuMs, generatorCpuMs);
                interval.printBusiestThreads("of the application in round " + round);
            }
            put("api.warm.rounds", round, "of at most " + rounds + ", until the JIT compilers use < 0.1 cores");
            put("api.warm.compilerCores", round(compilerCores), "in the last round");
            put("api.realisationsPerSecond", Math.round(warm[0]), ">= 1000 (16 clients, 40 orgs, last round)");
            put("api.p50Ms", warm[1], "");
            put("api.cpuMsPerRealisation", round(appCpuMs), "application threads (not JIT), last round");
            put("api.generatorCpuMsPerRealisation", round(generatorCpuMs), "the load generator's process, last round");
            put("api.p99Ms", warm[2], "< 50");
            put("api.rssMb", peakRssMb(app.pid(), rssHolder[0]), "peak of the application under the API load (memory.rssMb: report mix)");
        } finally {
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static boolean ready(int port) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException starting) {
            return false;
        }
    }

    private static double[] apiLoad(int port, List<String> orgs, int clients, int count, long pid, long[] rss)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong n = new AtomicLong();
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long i;
                while ((i = n.getAndIncrement()) < count) {
                    String org = orgs.get(ThreadLocalRandom.current().nextInt(orgs.size()));
                    String body = "{\"lineId\":\"" + (1 + ThreadLocalRandom.current().nextInt(30)) + "\",\"amount\":"
                            + (1 + i % 5000) + ",\"date\":\"2025-05-05\",\"document\":\"SP2D-" + i + "\"}";
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = HTTP.send(request(port, "/api/v1/organisations/" + org
                            + "/budgets/2025/realisations").header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    micros.add((System.nanoTime() - t0) / 1_000);
                    if (r.statusCode() != 201) {
                        failures.incrementAndGet();
                    }
                    if (i % 200 == 0) {
                        rss[0] = Math.max(rss[0], currentRssKb(pid));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failures.get() > 0) {
            System.out.println("warning: " + failures.get() + " realisations were not accepted");
        }
        return new double[] {count / seconds, percentile(micros, 50), percentile(micros, 99)};
    }

    private static long currentRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    private static long peakRssMb(long pid, long sampledKb) {
        long peak = sampledKb;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    peak = Math.max(peak, Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException e) {
            // not on Linux: keep the sampled value
        }
        return peak / 1024;
    }
}
