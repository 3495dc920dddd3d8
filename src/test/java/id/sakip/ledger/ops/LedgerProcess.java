package id.sakip.ledger.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.awaitility.Awaitility;

/** A ledger (or its standalone store) running in a JVM of its own, driven over HTTP like a client would. */
final class LedgerProcess implements AutoCloseable {

    static final String ADMIN_PASSWORD = "ops-admin-password-1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final Process process;
    final int port;
    final Path logFile;

    private LedgerProcess(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Process start(List<String> args, Path logFile) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-Daxoniq.update-checker.disabled=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("id.sakip.ledger.LedgerApplication");
        command.addAll(args);
        Files.createDirectories(logFile.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().put("LEDGER_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return builder.start();
    }

    /** Starts the standalone store and waits until it listens. */
    static LedgerProcess store(Path dataDir, Path logFile) throws Exception {
        int port = freePort();
        Process p = start(List.of("--ledger.mode=store", "--ledger.data-dir=" + dataDir,
                "--ledger.mongo.embedded-port=" + port), logFile);
        LedgerProcess store = new LedgerProcess(p, port, logFile);
        store.awaitLog("LEDGER STORE READY", Duration.ofSeconds(60));
        return store;
    }

    /** Starts a ledger (on a store URI, or on the embedded default in a data dir) without waiting. */
    static LedgerProcess ledger(String mongoUri, Path dataDir, Path logFile) throws Exception {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--ledger.data-dir=" + dataDir));
        if (mongoUri != null) {
            args.add("--ledger.mongo.uri=" + mongoUri);
        }
        return new LedgerProcess(start(args, logFile), port, logFile);
    }

    private void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("process ended: " + tail());
        }
    }

    void awaitLog(String text, Duration timeout) {
        Awaitility.await("'" + text + "' in " + logFile).atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    requireAlive();
                    return Files.exists(logFile) && Files.readString(logFile).contains(text);
                });
    }

    void awaitReady(Duration timeout) {
        Awaitility.await("readiness of " + logFile).atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    requireAlive();
                    try {
                        return get("/actuator/health/readiness").statusCode() == 200;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
    }

    /** Waits until every projection has processed the whole log (readiness allows a small lag). */
    void awaitProjectionsCaughtUp() {
        Awaitility.await("projections caught up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/v1/admin/projections").body().matches("\\{(\"[a-z-]+\":0,?)+\\}"));
    }

    String tail() {
        try {
            String log = Files.exists(logFile) ? Files.readString(logFile) : "";
            return log.length() > 3000 ? log.substring(log.length() - 3000) : log;
        } catch (IOException e) {
            return e.toString();
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A read as a client that honours the API's contract makes it: a {@code 503} with {@code Retry-After}
     * (read models still catching up, e.g. right after a restart) is asked again, for at most 30 s.
     */
    HttpResponse<String> read(String path) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<String> r = get(path);
            if (r.statusCode() != 503 || r.headers().firstValue("Retry-After").isEmpty()
                    || System.nanoTime() > deadline) {
                return r;
            }
            Awaitility.await().pollDelay(Duration.ofMillis(200)).until(() -> true);
        }
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The documents of every realisation the organisation's audit history holds, in recording order. */
    List<String> recordedDocuments(String org) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> recorded = new ArrayList<>();
        long after = 0;
        while (true) {
            HttpResponse<String> answer = read("/api/v1/organisations/" + org + "/audit/events"
                    + "?type=RealisationRecorded&limit=1000&after=" + after);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            java.util.Map<String, Object> page = json.readValue(answer.body(),
                    new com.fasterxml.jackson.core.type.TypeReference<>() {
                    });
            @SuppressWarnings("unchecked")
            List<java.util.Map<String, Object>> events = (List<java.util.Map<String, Object>>) page.get("events");
            events.forEach(e -> recorded.add(((java.util.Map<?, ?>) e.get("content")).get("document").toString()));
            if (page.get("nextAfter") == null) {
                return recorded;
            }
            after = ((Number) page.get("nextAfter")).longValue();
        }
    }

    /** SIGKILL, as a crash would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
