package id.sakip.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import id.sakip.ledger.eventstore.web.LedgerPositionFilter;

/**
 * Read-your-writes on the API: a read reflects every write acknowledged before it arrived, from the
 * same or another client, without the client waiting; write and read answers say which log position
 * they stand for, and a read whose read models cannot catch up in time is refused, not answered stale.
 */
class ReadYourWritesTest extends LedgerApiTest {

    private static final String ORG = "kec-ryw";
    private static final int CLIENTS = 16;

    @Autowired
    EventProcessingConfiguration processing;

    private final java.util.Set<Long> writePositions = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Test
    void aReportReadRightAfterTheImportShowsTheWholeImport() {
        ResponseEntity<Map<String, Object>> imported = postJikenImport();
        assertThat(imported.getStatusCode().is2xxSuccessful()).as(String.valueOf(imported.getBody())).isTrue();
        long written = position(imported);

        ResponseEntity<Map<String, Object>> report =
                get("/api/v1/organisations/kec-jiken/reports/budget-realisation?year=2023");
        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        @SuppressWarnings("unchecked")
        Map<String, Object> total = (Map<String, Object>) report.getBody().get("total");
        assertThat(total).containsEntry("realised", 1_849_985_878);
        assertThat(new BigDecimal(total.get("absorptionPercent").toString())).isEqualByComparingTo("96.20");
        assertThat(position(report)).isGreaterThanOrEqualTo(written);

        ResponseEntity<Map<String, Object>> achievement =
                get("/api/v1/organisations/kec-jiken/reports/indicator-achievement?year=2023");
        assertThat(achievement.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<?>) achievement.getBody().get("rows")).as("Table 3.2 rows").isNotEmpty();
        assertThat(position(achievement)).isGreaterThanOrEqualTo(written);
    }

    @Test
    void sixteenClientsEachReadBackTheRealisationTheyJustRecorded() throws Exception {
        adoptBudget();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 1; i <= CLIENTS; i++) {
            int line = i;
            outcomes.add(clients.submit((Callable<String>) () -> {
                start.await();
                return recordAndReadBack(line);
            }));
        }
        start.countDown();
        List<String> failures = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            String failure = outcome.get(60, TimeUnit.SECONDS);
            if (failure != null) {
                failures.add(failure);
            }
        }
        clients.shutdown();
        assertThat(failures).as("clients that did not read their own write").isEmpty();
        assertThat(writePositions).as("each write answers the position of its own event").hasSize(CLIENTS);
    }

    @Test
    void aReadWhoseReadModelCannotCatchUpIsRefusedWithRetryAfter() {
        adoptBudget();
        id.sakip.ledger.web.PageSession pages = id.sakip.ledger.web.PageSession.signIn(anonymous, "admin",
                ADMIN_PASSWORD);
        StreamingEventProcessor plans = processing.eventProcessor("plan-books", StreamingEventProcessor.class)
                .orElseThrow();
        plans.shutDown();
        try {
            ResponseEntity<Map<String, Object>> api =
                    get("/api/v1/organisations/" + ORG + "/reports/budget-realisation?year=2025");
            assertThat(api.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(api.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
            assertThat(api.getHeaders().getFirst("Retry-After")).isEqualTo("5");
            assertThat(api.getBody()).containsEntry("code", LedgerPositionFilter.BEHIND);
            assertThat(api.getBody().get("details").toString()).contains("plan-books");

            ResponseEntity<String> page = pages.get("/org/" + ORG + "/anggaran/2025", String.class);
            assertThat(page.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(page.getHeaders().getFirst("Retry-After")).isEqualTo("5");
            assertThat(page.getBody()).contains("Data sedang diperbarui");

            ResponseEntity<String> verify = http.getForEntity("/api/v1/audit/verify", String.class);
            assertThat(verify.getStatusCode()).as("verification reads the log, not read models")
                    .isEqualTo(HttpStatus.OK);
        } finally {
            plans.start();
        }
        assertThat(projections.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
        assertThat(get("/api/v1/organisations/" + ORG + "/reports/budget-realisation?year=2025").getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private String recordAndReadBack(int line) {
        long amount = 1_000 + line;
        ResponseEntity<Map<String, Object>> recorded = post("/api/v1/organisations/" + ORG
                + "/budgets/2025/realisations", Map.of("lineId", Integer.toString(line), "amount", amount,
                "date", "2025-03-0" + (1 + line % 9), "document", "RYW-" + line + "-" + System.nanoTime()));
        if (recorded.getStatusCode() != HttpStatus.CREATED) {
            return "line " + line + ": recording answered " + recorded.getStatusCode() + " " + recorded.getBody();
        }
        long written = position(recorded);
        writePositions.add(written);
        ResponseEntity<Map<String, Object>> report =
                get("/api/v1/organisations/" + ORG + "/reports/budget-realisation?year=2025");
        if (report.getStatusCode() != HttpStatus.OK) {
            return "line " + line + ": report answered " + report.getStatusCode() + " " + report.getBody();
        }
        long read = position(report);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) report.getBody().get("lines");
        long realised = lines.stream().filter(l -> Integer.toString(line).equals(l.get("lineId")))
                .mapToLong(l -> ((Number) l.get("realised")).longValue()).findFirst().orElse(-1);
        if (realised < amount || read < written) {
            return "line " + line + ": realised " + realised + " after recording " + amount + ", read at position "
                    + read + " after the write at " + written;
        }
        return null;
    }

    private void adoptBudget() {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 1; i <= CLIENTS; i++) {
            lines.add(Map.of("lineId", Integer.toString(i), "number", i, "name", "Belanja " + i,
                    "economicClass", "barang_jasa", "amount", 1_000_000));
        }
        ResponseEntity<Map<String, Object>> adopted = post("/api/v1/organisations/" + ORG + "/budgets/2025",
                Map.of("fund", "APBD", "programs", List.of(Map.of("number", 1, "name", "Program", "activities",
                        List.of(Map.of("number", 1, "name", "Kegiatan", "objective", "S1", "lines", lines))))));
        assertThat(adopted.getStatusCode().value()).as(String.valueOf(adopted.getBody())).isIn(201, 409);
    }

    private static long position(ResponseEntity<?> answer) {
        String header = answer.getHeaders().getFirst(LedgerPositionFilter.HEADER);
        assertThat(header).as("Ledger-Position of " + answer.getStatusCode()).isNotNull();
        return Long.parseLong(header);
    }
}
