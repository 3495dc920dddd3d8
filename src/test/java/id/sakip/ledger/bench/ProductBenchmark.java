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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.sakip.ledger.LedgerApiTest;
import id.sakip.ledger.LedgerApplication;
import id.sakip.ledger.budget.api.BudgetActivity;
import id.sakip.ledger.budget.api.BudgetAdopted;
import id.sakip.ledger.budget.api.BudgetLine;
import id.sakip.ledger.budget.api.BudgetProgram;
import id.sakip.ledger.budget.api.EconomicClass;
import id.sakip.ledger.budget.api.RealisationRecorded;
import id.sakip.ledger.eventstore.CommitLog;
import id.sakip.ledger.eventstore.LedgerEventStorageEngine;
import id.sakip.ledger.eventstore.ProjectionLag;
import id.sakip.ledger.eventstore.metadata.LedgerMetadata;
import id.sakip.ledger.shared.Rupiah;

/**
 * The figures measured through the product, each in a fresh application process on the JVM options it
 * ships with: the bulk import of an LKjIP file, the start on a store of a million events, and the peak
 * memory under a mix of reports and file exports.
 */
final class ProductBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MetaData BENCH = MetaData.with(LedgerMetadata.ACTOR_ID, "bench")
            .and(LedgerMetadata.ACTOR_ROLE, "ADMIN");

    private ProductBenchmark() {
    }

    /** An application process under test, ready on {@code port}, after {@code startSeconds}. */
    record App(Process process, int port, double startSeconds, Path log) implements AutoCloseable {

        /** Starts the jar on {@code dataDir} with the shipped JVM options and waits until it is ready. */
        static App start(Path dataDir, String name) throws Exception {
            int port;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                port = s.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString()));
            command.addAll(List.of(LedgerBenchmark.JVM_ARGS.split(" ")));
            String profile = System.getProperty("bench.appJvmArgs", "");
            if (!profile.isBlank()) {
                command.addAll(List.of(profile.split(" ")));
            }
            command.addAll(List.of("-jar", System.getProperty("bench.jar", "target/ledger.jar"), "--server.port=" + port,
                    "--ledger.data-dir=" + dataDir));
            Path log = Path.of("target", "bench", "app-" + name + ".log");
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("LEDGER_BOOTSTRAP_ADMIN_PASSWORD", LedgerBenchmark.PASSWORD);
            long start = System.nanoTime();
            Process process = builder.start();
            try {
                awaitReady(process, port, Duration.ofMinutes(15));
            } catch (RuntimeException e) {
                process.destroy();
                process.waitFor(30, TimeUnit.SECONDS);
                throw e;
            }
            return new App(process, port, (System.nanoTime() - start) / 1e9, log);
        }

        /** Waits until the readiness probe answers 200 (every projection caught up, the log verified). */
        void awaitReady(Duration timeout) throws InterruptedException {
            awaitReady(process, port, timeout);
        }

        private static void awaitReady(Process process, int port, Duration timeout) {
            try {
                Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the ledger exited during start-up (see target/bench/app-*.log)");
                    }
                    return ready(port);
                });
            } catch (ConditionTimeoutException late) {
                throw new IllegalStateException("the ledger was not ready within " + timeout);
            }
        }

        private static boolean ready(int port) throws InterruptedException {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (IOException starting) {
                return false;
            }
        }

        long pid() {
            return process.pid();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:"
                        + LedgerBenchmark.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> importFile(int port, byte[] yaml) throws Exception {
        return HTTP.send(request(port, "/api/v1/imports/lkjip").header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(yaml)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * An LKjIP file of one organisation whose 2025 DPA has {@code lines} sub-activity lines (100 per
     * activity) and {@code perLine} dated realisations on each.
     */
    static byte[] bigLkjip(String org, int lines, int perLine) {
        StringBuilder y = new StringBuilder();
        y.append("organisation:\n  id: ").append(org).append("\n  name: Dinas Benchmark ").append(org)
                .append("\n  kabupaten: Blora\n  provinsi: Jawa Tengah\n  head: Kepala Dinas\n")
                .append("budget:\n  fiscal_year: 2025\n  fund: APBD\n  programs:\n")
                .append("    - number: 1\n      name: Program Penunjang Urusan Pemerintahan Daerah\n      activities:\n");
        int entry = 0;
        for (int line = 1; line <= lines; line++) {
            if ((line - 1) % 100 == 0) {
                int activity = 1 + (line - 1) / 100;
                y.append("        - number: ").append(activity).append("\n          name: Kegiatan ").append(activity)
                        .append("\n          objective: S1\n          sub_activities:\n");
            }
            y.append("            - number: ").append(line).append("\n              name: Sub kegiatan ").append(line)
                    .append("\n              class: barang_jasa\n              budget: 1000000000\n")
                    .append("              realisations:\n");
            for (int r = 0; r < perLine; r++) {
                entry++;
                y.append("                - {date: 2025-").append(String.format("%02d-%02d", 1 + entry % 12,
                        1 + entry % 28)).append(", amount: ").append(1_000 + entry).append(", document: SP2D-")
                        .append(entry).append(", description: belanja ").append(entry).append("}\n");
            }
        }
        return y.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code --import-only}: a file of 4 000 realisations on 2 000 lines, end to end through
     * {@code POST /api/v1/imports/lkjip}: first on a fresh application, as its first request (class loading,
     * the first password check and the JIT's first compilations included: {@code import.coldEventsPerSecond}),
     * then a second file of the same shape for another organisation on the now running application
     * ({@code import.eventsPerSecond}, how fast a running ledger takes a bulk import).
     */
    static void bulkImport(Path work, double scale) throws Exception {
        int lines = Math.max(2, (int) Math.round(2_000 * scale));
        byte[] yaml = bigLkjip("bench-import", lines, 2);
        byte[] second = bigLkjip("bench-import-2", lines, 2);
        try (App app = App.start(work.resolve("import"), "import")) {
            double[] cold = timedImport(app, yaml);
            app.awaitReady(Duration.ofMinutes(5));
            double[] warm = timedImport(app, second);
            LedgerBenchmark.put("import.lines", lines, "2000 in the full-size run");
            LedgerBenchmark.put("import.realisations", 2L * lines, "4000 in the full-size run");
            LedgerBenchmark.put("import.bytes", yaml.length, "");
            LedgerBenchmark.put("import.events", Math.round(warm[0]), "");
            LedgerBenchmark.put("import.coldSeconds", round(cold[1]), "the first request of a fresh application");
            LedgerBenchmark.put("import.coldEventsPerSecond", Math.round(cold[0] / cold[1]), "");
            LedgerBenchmark.put("import.seconds", round(warm[1]), "a second file, running application");
            LedgerBenchmark.put("import.eventsPerSecond", Math.round(warm[0] / warm[1]), ">= 2000");
            app.awaitReady(Duration.ofMinutes(5));
            for (String org : List.of("bench-import", "bench-import-2")) {
                String report = get(app.port(), "/api/v1/organisations/" + org
                        + "/reports/budget-realisation?year=2025").body();
                if (!report.contains("\"lines\"")) {
                    throw new IllegalStateException("the imported budget's report failed: " + report);
                }
            }
        }
    }

    /** Events appended and seconds taken by one import, which must be recorded. */
    private static double[] timedImport(App app, byte[] yaml) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = importFile(app.port(), yaml);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (response.statusCode() != 201) {
            throw new IllegalStateException("the import answered " + response.statusCode() + ": " + response.body());
        }
        return new double[] {JSON.readTree(response.body()).path("eventsAppended").asLong(), seconds};
    }

    /**
     * {@code --startup-only}: a store of {@code events} events is written straight through our engine in
     * commits of 1 000 (an in-process ledger, whose projections follow), then a fresh application process
     * is started on it and timed until ready: {@code startup.seconds}, {@code startup.events}.
     */
    static void startup(Path work, boolean quick, double scale) throws Exception {
        long target = Math.max(2_000, Math.round((quick ? 200_000 : 1_000_000) * scale));
        Path dataDir = work.resolve("startup");
        long written;
        long build = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LedgerApplication.class)
                .run("--ledger.data-dir=" + dataDir, "--server.port=0",
                        "--ledger.security.bootstrap-admin-password=" + LedgerBenchmark.PASSWORD,
                        "--logging.level.root=WARN", "--logging.level.id.sakip.ledger=WARN")) {
            written = writeBudgets(app.getBean(LedgerEventStorageEngine.class), target);
            if (!app.getBean(ProjectionLag.class).awaitCaughtUp(Duration.ofMinutes(60))) {
                throw new IllegalStateException("the projections did not catch up with the written store");
            }
            written = app.getBean(CommitLog.class).headSequence();
        }
        System.out.printf("startup: wrote a store of %d events and let the projections follow in %.0f s%n", written,
                (System.nanoTime() - build) / 1e9);
        try (App app = App.start(dataDir, "startup")) {
            LedgerBenchmark.put("startup.events", written, quick ? "quick run: fewer than the 1 000 000 of the goal"
                    : "");
            LedgerBenchmark.put("startup.seconds", round(app.startSeconds()), "< 15 (start to ready, "
                    + "fresh process on the store)");
            LedgerBenchmark.put("startup.fileMb", Files.size(dataDir.resolve("ledger.mv.db")) >> 20, "");
        }
    }

    /** Budgets of 30 lines, 40 organisations x 2024-2025, and realisations on them, 1 000 events per commit. */
    private static long writeBudgets(LedgerEventStorageEngine engine, long target) {
        int budgets = 80;
        long[] sequences = new long[budgets];
        List<DomainEventMessage<?>> batch = new ArrayList<>(1_000);
        for (int b = 0; b < budgets; b++) {
            String org = "startup-org-" + (b / 2);
            int year = 2024 + b % 2;
            batch.add(new GenericDomainEventMessage<>("Budget", id.sakip.ledger.budget.api.BudgetId.of(org, year),
                    sequences[b]++, new BudgetAdopted(org, year, "APBD", null, LocalDate.of(year, 1, 2), "DPA",
                    programs()), BENCH));
        }
        long written = 0;
        long n = 0;
        while (written + batch.size() < target) {
            while (batch.size() < 1_000) {
                int b = (int) (n % budgets);
                String org = "startup-org-" + (b / 2);
                int year = 2024 + b % 2;
                n++;
                batch.add(new GenericDomainEventMessage<>("Budget", id.sakip.ledger.budget.api.BudgetId.of(org, year),
                        sequences[b]++, new RealisationRecorded(org, year, "s" + n, String.valueOf(1 + n / budgets % 30),
                        Rupiah.of(1 + n % 1000), LocalDate.of(year, 1 + (int) (n % 12), 1 + (int) (n % 28)),
                        "SP2D-" + n, "belanja " + n), BENCH));
            }
            engine.appendEvents(batch);
            written += batch.size();
            batch.clear();
            if (written % 100_000 < 1_000) {
                System.out.printf("startup: %d events written%n", written);
            }
        }
        if (!batch.isEmpty()) {
            engine.appendEvents(batch);
            written += batch.size();
        }
        return written;
    }

    private static List<BudgetProgram> programs() {
        List<BudgetLine> lines = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            lines.add(new BudgetLine(String.valueOf(i), i, "line " + i, EconomicClass.BARANG_JASA, null, null,
                    Rupiah.of(1_000_000_000_000L)));
        }
        return List.of(new BudgetProgram(1, "P", null, List.of(new BudgetActivity(1, "K", "S1", null, lines))));
    }

    /**
     * {@code --memory-only}: 32 clients ask for reports, as JSON and as XLSX and PDF files, over five
     * organisations (four copies of the Jiken LKjIP and one of 2 000 lines), for a fixed time; the peak RSS
     * of the application process ({@code VmHWM}) is {@code memory.rssMb}, and every answer is counted.
     */
    static void memory(Path work, boolean quick, double scale) throws Exception {
        int lines = Math.max(2, (int) Math.round(2_000 * scale));
        long seconds = Math.max(5, Math.round((quick ? 60 : 180) * scale));
        try (App app = App.start(work.resolve("memory"), "memory")) {
            List<String> paths = new ArrayList<>();
            for (int o = 1; o <= 4; o++) {
                String org = "mem-jiken-" + o;
                byte[] yaml = new String(LedgerApiTest.jikenYaml(), StandardCharsets.UTF_8)
                        .replace("id: kec-jiken", "id: " + org).getBytes(StandardCharsets.UTF_8);
                expectCreated(importFile(app.port(), yaml), org);
                String base = "/api/v1/organisations/" + org + "/reports/";
                for (String report : List.of("budget-realisation?year=2023", "indicator-comparison?from=2021&to=2023",
                        "efficiency?year=2023", "reconciliation?year=2023")) {
                    paths.add(base + report);
                    paths.add(base + report + "&format=xlsx");
                    paths.add(base + report + "&format=pdf");
                }
            }
            expectCreated(importFile(app.port(), bigLkjip("mem-big", lines, 2)), "mem-big");
            String big = "/api/v1/organisations/mem-big/reports/budget-realisation?year=2025";
            for (int i = 0; i < 4; i++) {
                paths.add(big);
                paths.add(big + "&format=xlsx");
                paths.add(big + "&format=pdf");
            }
            app.awaitReady(Duration.ofMinutes(5));
            long rssBefore = rssKb(app.pid(), "VmRSS:");
            AtomicLongArray byClass = new AtomicLongArray(6);
            AtomicLong clientErrors = new AtomicLong();
            List<Long> micros = Collections.synchronizedList(new ArrayList<>());
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            ExecutorService pool = Executors.newFixedThreadPool(32);
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < 32; c++) {
                futures.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        String path = paths.get(ThreadLocalRandom.current().nextInt(paths.size()));
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> r = HTTP.send(request(app.port(), path).GET().build(),
                                    HttpResponse.BodyHandlers.ofByteArray());
                            byClass.incrementAndGet(Math.min(5, r.statusCode() / 100));
                        } catch (IOException e) {
                            clientErrors.incrementAndGet();
                        }
                        micros.add((System.nanoTime() - t0) / 1_000);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            long peak = rssKb(app.pid(), "VmHWM:");
            long ooms = Files.readAllLines(app.log()).stream().filter(l -> l.contains("OutOfMemoryError")).count();
            LedgerBenchmark.put("memory.rssMb", peak >> 10, "< 768 (VmHWM, 32 clients, reports and XLSX/PDF, "
                    + "5 organisations, one of " + lines + " lines)");
            LedgerBenchmark.put("memory.rssBeforeMb", rssBefore >> 10, "after the imports, before the mix");
            LedgerBenchmark.put("memory.seconds", seconds, "");
            LedgerBenchmark.put("memory.requests", micros.size(), "");
            LedgerBenchmark.put("memory.5xx", byClass.get(5), "0");
            LedgerBenchmark.put("memory.4xx", byClass.get(4), "0");
            LedgerBenchmark.put("memory.clientErrors", clientErrors.get(), "0 (no answer: reset, timeout)");
            LedgerBenchmark.put("memory.outOfMemoryErrors", ooms, "0 (lines of the application log)");
            LedgerBenchmark.put("memory.p99Ms", percentile(micros, 99), "");
        }
    }

    private static void expectCreated(HttpResponse<String> response, String org) {
        if (response.statusCode() != 201) {
            throw new IllegalStateException("the import of " + org + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(request(port, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long rssKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException ended) {
            return 0;
        }
        return 0;
    }

    private static double percentile(List<Long> micros, int p) {
        if (micros.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
