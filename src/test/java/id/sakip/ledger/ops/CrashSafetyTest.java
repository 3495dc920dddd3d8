package id.sakip.ledger.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * SIGKILL of the ledger during a sustained stream of realisations: after a restart every request that
 * got a 2xx is in the log exactly once, none that was refused is, the projections catch up to what a
 * full rebuild gives, and the hash chain verifies.
 */
class CrashSafetyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aKilledLedgerLosesNoAcknowledgedRealisation() throws Exception {
        Path logs = Path.of("target", "crash-safety");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> refused = ConcurrentHashMap.newKeySet();
        AtomicInteger unknown = new AtomicInteger();
        try (LedgerProcess ledger = LedgerProcess.ledger(null, dir, logs.resolve("before-kill.log"))) {
            ledger.awaitReady(Duration.ofSeconds(120));
            String budget = "{\"fund\":\"APBD\",\"programs\":[{\"number\":1,\"name\":\"P\",\"activities\":[{\"number\":1,"
                    + "\"name\":\"K\",\"objective\":\"S1\",\"lines\":[{\"lineId\":\"1\",\"number\":1,\"name\":\"L\","
                    + "\"economicClass\":\"barang_jasa\",\"amount\":100000000}]}]}]}";
            assertThat(ledger.post("/api/v1/organisations/kec-crash/budgets/2025", budget).statusCode()).isEqualTo(201);
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(4);
            for (int c = 0; c < 4; c++) {
                int client = c;
                clients.submit(() -> {
                    for (int i = 0; running.get(); i++) {
                        String document = "SP2D-" + client + "-" + i;
                        // every 10th request is refused (date outside the year): it must never be in the log
                        String date = i % 10 == 9 ? "2024-12-31" : "2025-04-01";
                        try {
                            HttpResponse<String> r = ledger.post("/api/v1/organisations/kec-crash/budgets/2025/"
                                    + "realisations", "{\"lineId\":\"1\",\"amount\":1000,\"date\":\"" + date
                                    + "\",\"document\":\"" + document + "\"}");
                            if (r.statusCode() / 100 == 2) {
                                acknowledged.add(document);
                            } else {
                                refused.add(document);
                            }
                        } catch (IOException | InterruptedException e) {
                            unknown.incrementAndGet();
                            if (!ledger.process.isAlive()) {
                                return;
                            }
                        }
                    }
                });
            }
            Awaitility.await("400 acknowledged").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                    .until(() -> acknowledged.size() >= 400);
            ledger.kill();
            running.set(false);
            clients.shutdown();
            clients.awaitTermination(60, TimeUnit.SECONDS);
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(400);

        try (LedgerProcess restarted = LedgerProcess.ledger(null, dir, logs.resolve("after-restart.log"))) {
            restarted.awaitReady(Duration.ofSeconds(120));
            restarted.awaitProjectionsCaughtUp();
            List<String> recorded = restarted.recordedDocuments("kec-crash");
            assertThat(recorded).as("nothing recorded twice").doesNotHaveDuplicates();
            assertThat(recorded).as("every acknowledged realisation survived").containsAll(acknowledged);
            assertThat(recorded).as("no refused realisation was stored").doesNotContainAnyElementsOf(refused);
            assertThat(recorded.size() - acknowledged.size()).as("only requests cut off by the kill may add")
                    .isBetween(0, unknown.get());

            String path = "/api/v1/organisations/kec-crash/reports/budget-realisation?year=2025";
            String live = awaitRealised(restarted, path, recorded.size() * 1000L);
            assertThat(restarted.post("/api/v1/admin/rebuilds", "{\"processors\":[\"budget-books\"]}").statusCode())
                    .isEqualTo(202);
            Awaitility.await("rebuild done").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> restarted.get("/api/v1/admin/rebuilds/budget-books").body().contains("\"DONE\""));
            assertThat(awaitRealised(restarted, path, recorded.size() * 1000L)).as("live equals a full rebuild")
                    .isEqualTo(live);
            assertThat(restarted.get("/api/v1/audit/verify").body()).contains("\"verified\":true");
            System.out.printf("crash: %d acknowledged before SIGKILL, %d refused, %d cut off; %d recorded after restart%n",
                    acknowledged.size(), refused.size(), unknown.get(), recorded.size());
        }
    }

    @Test
    void aGracefulShutdownDrainsInFlightRequests() throws Exception {
        Path logs = Path.of("target", "graceful-shutdown");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger serverErrors = new AtomicInteger();
        try (LedgerProcess ledger = LedgerProcess.ledger(null, dir, logs.resolve("before.log"))) {
            ledger.awaitReady(Duration.ofSeconds(120));
            assertThat(ledger.post("/api/v1/organisations/kec-term/budgets/2025", "{\"fund\":\"APBD\",\"programs\":"
                    + "[{\"number\":1,\"name\":\"P\",\"activities\":[{\"number\":1,\"name\":\"K\",\"objective\":"
                    + "\"S1\",\"lines\":[{\"lineId\":\"1\",\"number\":1,\"name\":\"L\",\"economicClass\":\"modal\","
                    + "\"amount\":100000000}]}]}]}").statusCode()).isEqualTo(201);
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(4);
            for (int c = 0; c < 4; c++) {
                int client = c;
                clients.submit(() -> {
                    for (int i = 0; running.get(); i++) {
                        try {
                            HttpResponse<String> r = ledger.post("/api/v1/organisations/kec-term/budgets/2025/"
                                    + "realisations", "{\"lineId\":\"1\",\"amount\":10,\"date\":\"2025-04-01\","
                                    + "\"document\":\"T-" + client + "-" + i + "\"}");
                            if (r.statusCode() / 100 == 2) {
                                acknowledged.add("T-" + client + "-" + i);
                            } else if (r.statusCode() >= 500) {
                                serverErrors.incrementAndGet();
                            }
                        } catch (IOException | InterruptedException stopped) {
                            return;
                        }
                    }
                });
            }
            Awaitility.await("100 acknowledged").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> acknowledged.size() >= 100);
            ledger.process.destroy();
            assertThat(ledger.process.waitFor(30, TimeUnit.SECONDS)).as("stopped within the drain timeout").isTrue();
            running.set(false);
            clients.shutdown();
            clients.awaitTermination(30, TimeUnit.SECONDS);
            assertThat(java.nio.file.Files.readString(ledger.logFile)).contains("Graceful shutdown complete");
        }
        assertThat(serverErrors.get()).as("no request failed with a server error while stopping").isZero();
        try (LedgerProcess restarted = LedgerProcess.ledger(null, dir, logs.resolve("after.log"))) {
            restarted.awaitReady(Duration.ofSeconds(120));
            restarted.awaitProjectionsCaughtUp();
            List<String> recorded = restarted.recordedDocuments("kec-term");
            assertThat(recorded).doesNotHaveDuplicates().containsAll(acknowledged);
            System.out.printf("graceful stop: %d acknowledged, %d recorded after restart%n", acknowledged.size(),
                    recorded.size());
        }
    }

    private static String awaitRealised(LedgerProcess ledger, String path, long expected) {
        return Awaitility.await("projection reaches realised " + expected).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> ledger.get(path).body(), body -> body.contains("\"realised\":" + expected + ","));
    }
}
