package id.sakip.ledger.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.sakip.ledger.reporting.LargeLkjipFile;

/**
 * SIGKILL of the ledger during an import of 2 000 lines and 4 000 realisations, once while its commands
 * are being decided and once as soon as the organisation is listed: after each restart the import is
 * either invisible (not listed, no report, the dry run says nothing is recorded) or complete, never
 * partial, and importing the file again completes it exactly once.
 */
class ImportCrashTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ORG = "dinas-impor-crash";
    private static final int LINES = 2_000;
    private static final int PER_LINE = 2;
    private static final byte[] FILE = LargeLkjipFile.yaml(ORG, LINES, PER_LINE);

    @TempDir
    Path dir;

    /** What a reader sees of the import after a restart. */
    enum Seen { NOTHING, COMPLETE }

    @Test
    void anImportKilledMidwayIsInvisibleOrCompleteAndImportingAgainCompletesItOnce() throws Exception {
        Path logs = Path.of("target", "import-crash");
        try (LedgerProcess ledger = LedgerProcess.ledger(null, dir, logs.resolve("kill-while-deciding.log"))) {
            ledger.awaitReady(Duration.ofSeconds(120));
            CompletableFuture<HttpResponse<String>> importing = importAsync(ledger, false);
            ledger.awaitLog("Importing " + ORG, Duration.ofSeconds(60));
            ledger.kill();
            awaitEnded(importing);
        }
        Seen afterFirstKill;
        try (LedgerProcess ledger = LedgerProcess.ledger(null, dir, logs.resolve("kill-when-listed.log"))) {
            ledger.awaitReady(Duration.ofSeconds(120));
            afterFirstKill = seen(ledger);
            CompletableFuture<HttpResponse<String>> importing = importAsync(ledger, false);
            Awaitility.await("organisation listed or import answered").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> importing.isDone() || ledger.get("/api/v1/organisations").body().contains(ORG));
            ledger.kill();
            awaitEnded(importing);
        }
        try (LedgerProcess ledger = LedgerProcess.ledger(null, dir, logs.resolve("import-again.log"))) {
            ledger.awaitReady(Duration.ofSeconds(120));
            Seen afterSecondKill = seen(ledger);
            long started = System.nanoTime();
            HttpResponse<String> again = importAsync(ledger, false).get();
            long millis = (System.nanoTime() - started) / 1_000_000;
            Map<String, Object> result = JSON.readValue(again.body(), new TypeReference<>() {
            });
            if (afterSecondKill == Seen.NOTHING) {
                assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
                assertThat(((Number) result.get("eventsAppended")).longValue())
                        .isEqualTo(LargeLkjipFile.events(LINES, PER_LINE));
            } else {
                assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
                assertThat(result).containsEntry("alreadyImported", true).containsEntry("eventsAppended", 0);
            }
            assertThat(seen(ledger)).isEqualTo(Seen.COMPLETE);
            assertThat(ledger.get("/api/v1/audit/verify").body()).contains("\"verified\":true");
            System.out.printf("import crash: after the kill while deciding %s, after the kill when listed %s; "
                    + "import again %d ms%n", afterFirstKill, afterSecondKill, millis);
        }
    }

    /** Classifies what the reports, the list and the dry run show once projections caught up; fails on partial. */
    private static Seen seen(LedgerProcess ledger) throws Exception {
        ledger.awaitProjectionsCaughtUp();
        HttpResponse<String> list = ledger.read("/api/v1/organisations");
        assertThat(list.statusCode()).as("list of organisations: %s", list.body()).isEqualTo(200);
        boolean listed = list.body().contains(ORG);
        HttpResponse<String> report = ledger.read("/api/v1/organisations/" + ORG
                + "/reports/budget-realisation?year=" + LargeLkjipFile.YEAR);
        Map<String, Object> preview = JSON.readValue(importAsync(ledger, true).get().body(), new TypeReference<>() {
        });
        if (!listed) {
            assertThat(report.statusCode()).as("report of an organisation not listed (%s)", list.body()).isEqualTo(404);
            assertThat(preview).containsEntry("alreadyImported", false)
                    .containsEntry("message", "Preview: nothing has been recorded yet");
            return Seen.NOTHING;
        }
        List<String> recorded = ledger.recordedDocuments(ORG);
        assertThat(recorded).as("realisations of a listed organisation: all of the file, each once")
                .hasSize(LINES * PER_LINE).doesNotHaveDuplicates();
        assertThat(report.body()).contains("\"realised\":" + LINES * PER_LINE * LargeLkjipFile.AMOUNT + ",");
        assertThat(preview).containsEntry("alreadyImported", true);
        return Seen.COMPLETE;
    }

    private static CompletableFuture<HttpResponse<String>> importAsync(LedgerProcess ledger, boolean dryRun) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ledger.port
                        + "/api/v1/imports/lkjip" + (dryRun ? "?dryRun=true" : "")))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:"
                        + LedgerProcess.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(FILE)).build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitEnded(CompletableFuture<?> request) {
        Awaitility.await("request cut off by the kill").atMost(Duration.ofSeconds(30)).until(request::isDone);
    }
}
