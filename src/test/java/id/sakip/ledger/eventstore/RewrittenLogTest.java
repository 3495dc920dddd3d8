package id.sakip.ledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.MongoDatabase;

import id.sakip.ledger.LedgerApiTest;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The attack on a running ledger: someone with write access to the store changes a realisation's
 * amount and recomputes every later hash. The signed checkpoints catch it; the ledger then refuses writes,
 * goes unready, answers the digest with a problem and sets its metric.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.signing.every-commits=1", "ledger.integrity.verify-interval=200ms"})
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
@org.springframework.context.annotation.Import(LedgerApiTest.TestBeans.class)
@DirtiesContext
class RewrittenLogTest {

    private static final Path DATA_DIR = temp("ledger-rewrite-data");
    private static final Path SIGNING_DIR = temp("ledger-rewrite-signing");
    private static final String ORG = "kec-rewrite";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private static Path temp(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", DATA_DIR::toString);
        registry.add("ledger.signing.key-file", () -> SIGNING_DIR.resolve("signing-key.pem").toString());
        registry.add("ledger.signing.checkpoint-file", () -> SIGNING_DIR.resolve("checkpoints.jsonl").toString());
        registry.add("ledger.security.bootstrap-admin-password", () -> LedgerApiTest.ADMIN_PASSWORD);
    }

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    MongoDatabase database;
    @Autowired
    SignedCheckpoints checkpoints;
    @Autowired
    LogIntegrityMonitor monitor;
    @Autowired
    MeterRegistry meters;

    private TestRestTemplate http() {
        return anonymous.withBasicAuth("admin", LedgerApiTest.ADMIN_PASSWORD);
    }

    private ResponseEntity<Map<String, Object>> post(String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http().exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
    }

    private ResponseEntity<Map<String, Object>> get(String path) {
        return http().exchange(path, HttpMethod.GET, null, JSON);
    }

    private ResponseEntity<Map<String, Object>> spend(long amount) {
        return post("/api/v1/organisations/" + ORG + "/budgets/2025/realisations", Map.of("lineId", "A", "amount",
                amount, "date", "2025-03-01", "document", "SP2D-" + amount, "description", "belanja"));
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void aRewriteWithRecomputedHashesIsCaughtAndTheLedgerStopsWriting() {
        Map<String, Object> budget = Map.of("fund", "APBD", "legalBasis", "DPA 2025", "adoptedOn", "2025-01-02",
                "programs", List.of(Map.of("number", 1, "name", "Program", "activities", List.of(
                        Map.of("number", 1, "name", "Kegiatan", "objective", "S1", "lines", List.of(
                                Map.of("lineId", "A", "number", 1, "name", "Line A", "economicClass", "barang_jasa",
                                        "amount", 7_000_000_000L)))))));
        assertThat(post("/api/v1/organisations/" + ORG + "/budgets/2025", budget).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        for (long amount : new long[] {11_111, 22_222, 33_333, 44_444}) {
            assertThat(spend(amount).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        long head = ((Number) get("/api/v1/audit/verify").getBody().get("headSequence")).longValue();
        await("a checkpoint of the head", () -> {
            SignedCheckpoint latest = checkpoints.read().latest();
            return latest != null && latest.sequence() == head;
        });

        Map<String, Object> intact = get("/api/v1/audit/verify").getBody();
        assertThat(intact).containsEntry("verified", true);
        assertThat((Map<String, Object>) intact.get("checkpoints")).containsEntry("matchingSequence", (int) head);
        ResponseEntity<String> key = http().getForEntity("/api/v1/audit/public-key", String.class);
        assertThat(key.getBody()).startsWith("-----BEGIN PUBLIC KEY-----");
        id.sakip.ledger.web.PageSession page = id.sakip.ledger.web.PageSession.signIn(anonymous, "admin",
                LedgerApiTest.ADMIN_PASSWORD);
        assertThat(page.get("/verifikasi", String.class).getBody()).contains("TERVERIFIKASI")
                .contains("Checkpoint bertanda tangan").contains("log cocok dengan semuanya");
        assertThat(page.get("/verifikasi/kunci-publik.pem", String.class).getBody()).isEqualTo(key.getBody());

        long third = LogRewriter.commitOf(database, "RealisationRecorded", 3);
        LogRewriter.rewrite(database, third, payload -> payload.replace("33333", "50000000"));
        assertThat(new ChainVerifier(database).verify().verified()).as("the chain alone is fooled").isTrue();

        await("the monitor to find the rewrite", () -> monitor.broken() != null);
        assertThat(monitor.broken().brokenAtSequence()).isEqualTo(third);

        Map<String, Object> verify = get("/api/v1/audit/verify").getBody();
        assertThat(verify).containsEntry("verified", false).containsEntry("brokenAtSequence", (int) third);

        String brokenPage = page.get("/verifikasi", String.class).getBody();
        assertThat(brokenPage).contains("RUSAK").contains("Log tidak lagi cocok dengan checkpoint")
                .contains("<strong id=\"broken-at\">" + third + "</strong>").contains("WIB");

        ResponseEntity<Map<String, Object>> refused = spend(50_000_000);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody()).containsEntry("code", "LOG_BROKEN");
        assertThat((Map<String, Object>) refused.getBody().get("details")).containsEntry("brokenAtSequence", (int) third);

        ResponseEntity<Map<String, Object>> digest = get("/api/v1/audit/digest");
        assertThat(digest.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(digest.getBody()).containsEntry("code", "LOG_BROKEN");

        ResponseEntity<Map<String, Object>> readiness = anonymous.exchange("/actuator/health/readiness",
                HttpMethod.GET, null, JSON);
        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(readiness.getBody()).containsEntry("status", "DOWN");
        assertThat(meters.get("ledger.log.broken").gauge().value()).isEqualTo(1.0);
    }
}
