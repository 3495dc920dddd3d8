package id.sakip.ledger.budget.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import id.sakip.ledger.LedgerApiTest;

/**
 * {@code asOf} answers what the ledger knew at an instant (by recording time) and {@code until}
 * counts realisations by value date; both through the same fold as the live report.
 */
class BudgetTimeTravelTest extends LedgerApiTest {

    private static final String ORG = "kec-timetravel";
    private static final int YEAR = 2025;

    private void adopt() {
        Map<String, Object> body = Map.of("fund", "APBD", "legalBasis", "DPA 2025", "adoptedOn", "2025-01-02",
                "programs", List.of(Map.of("number", 1, "name", "Program", "activities", List.of(
                        Map.of("number", 1, "name", "Kegiatan", "objective", "S1", "lines", List.of(
                                Map.of("lineId", "A", "number", 1, "name", "Line A", "economicClass", "barang_jasa",
                                        "amount", 1_000_000),
                                Map.of("lineId", "B", "number", 2, "name", "Line B", "economicClass", "pegawai",
                                        "amount", 500_000)))))));
        assertThat(post("/api/v1/organisations/" + ORG + "/budgets/" + YEAR, body).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    private String spend(String line, long amount, String date) {
        ResponseEntity<Map<String, Object>> r = post("/api/v1/organisations/" + ORG + "/budgets/" + YEAR
                + "/realisations", Map.of("lineId", line, "amount", amount, "date", date, "document", "SP2D-" + amount,
                "description", "belanja"));
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.CREATED);
        return r.getBody().get("entryId").toString();
    }

    private Map<String, Object> report(String query) {
        ResponseEntity<Map<String, Object>> r = get("/api/v1/organisations/" + ORG + "/reports/budget-realisation?year="
                + YEAR + query);
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> line(Map<String, Object> report, String id) {
        return ((List<Map<String, Object>>) report.get("lines")).stream().filter(l -> id.equals(l.get("lineId")))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static long total(Map<String, Object> report, String field) {
        return ((Number) ((Map<String, Object>) report.get("total")).get(field)).longValue();
    }

    private Instant tick() {
        clock.advanceSeconds(60);
        return clock.instant();
    }

    @Test
    void asOfAnswersWhatTheLedgerKnewBeforeAndAfterAnAmendmentAndAReversal() {
        clock.set(Instant.parse("2025-12-20T02:00:00Z").isAfter(clock.instant()) ? Instant.parse("2025-12-20T02:00:00Z")
                : clock.instant());
        adopt();
        spend("A", 300_000, "2025-03-15");
        String mistaken = spend("A", 200_000, "2025-06-10");
        spend("B", 100_000, "2025-06-30");
        Instant beforeAmendment = tick();

        tick();
        ResponseEntity<Map<String, Object>> amended = post("/api/v1/organisations/" + ORG + "/budgets/" + YEAR
                + "/amendments", Map.of("kind", "PERUBAHAN", "reason", "APBD Perubahan 2025", "legalBasis",
                "Perbup 12/2025", "effectiveDate", "2025-09-01", "changes", List.of(Map.of("lineId", "A",
                "amount", 1_200_000))));
        assertThat(amended.getStatusCode()).as(String.valueOf(amended.getBody())).isEqualTo(HttpStatus.CREATED);
        Instant afterAmendment = tick();

        tick();
        ResponseEntity<Map<String, Object>> reversed = post("/api/v1/organisations/" + ORG + "/budgets/" + YEAR
                + "/realisations/" + mistaken + "/reversal", Map.of("reason", "salah baris"));
        assertThat(reversed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Instant afterReversal = tick();
        awaitProjections();

        Map<String, Object> live = report("");
        Map<String, Object> atBefore = report("&asOf=" + beforeAmendment);
        Map<String, Object> atAfterAmendment = report("&asOf=" + afterAmendment);
        Map<String, Object> atAfterReversal = report("&asOf=" + afterReversal);

        assertThat(line(atBefore, "A")).containsEntry("budget", 1_000_000).containsEntry("realised", 500_000);
        assertThat(total(atBefore, "budget")).isEqualTo(1_500_000);
        assertThat(line(atAfterAmendment, "A")).containsEntry("budget", 1_200_000).containsEntry("realised", 500_000)
                .containsEntry("originalBudget", 1_000_000);
        assertThat(line(atAfterReversal, "A")).containsEntry("budget", 1_200_000).containsEntry("realised", 300_000)
                .containsEntry("reversals", 1);
        assertThat(total(atAfterReversal, "realised")).isEqualTo(400_000);
        assertThat(line(live, "A")).isEqualTo(line(atAfterReversal, "A"));
        assertThat(live.get("total")).isEqualTo(atAfterReversal.get("total"));

        ResponseEntity<Map<String, Object>> beforeAdoption = get("/api/v1/organisations/" + ORG
                + "/reports/budget-realisation?year=" + YEAR + "&asOf=2020-01-01T00:00:00Z");
        assertThat(beforeAdoption.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        Map<String, Object> untilApril = report("&until=2025-04-30");
        assertThat(line(untilApril, "A")).containsEntry("realised", 300_000);
        assertThat(line(untilApril, "B")).containsEntry("realised", 0);
        Map<String, Object> untilJune = report("&until=2025-06-30");
        assertThat(total(untilJune, "realised")).as("the reversed entry no longer counts").isEqualTo(400_000);
        Map<String, Object> untilJuneAsOfBeforeReversal = report("&until=2025-06-30&asOf=" + afterAmendment);
        assertThat(total(untilJuneAsOfBeforeReversal, "realised")).isEqualTo(600_000);

        ResponseEntity<Map<String, Object>> amendments = get("/api/v1/organisations/" + ORG
                + "/reports/budget-amendments?year=" + YEAR);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) amendments.getBody().get("amendments");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("kind", "PERUBAHAN").containsEntry("legalBasis", "Perbup 12/2025")
                .containsEntry("totalBefore", 1_500_000).containsEntry("totalAfter", 1_700_000)
                .containsEntry("actor", "admin");
        assertThat(get("/api/v1/organisations/" + ORG + "/reports/budget-amendments?year=" + YEAR + "&asOf="
                + beforeAmendment).getBody().get("amendments")).asList().isEmpty();
    }

    @Test
    void idempotentRetriesAndRefusalsAppendNothing() {
        String org = "kec-idem";
        Map<String, Object> body = Map.of("fund", "APBD", "programs", List.of(Map.of("number", 1, "name", "P",
                "activities", List.of(Map.of("number", 1, "name", "K", "objective", "S1", "lines", List.of(
                        Map.of("lineId", "1", "number", 1, "name", "L", "economicClass", "modal", "amount", 1_000)))))));
        clock.set(Instant.parse("2025-12-20T02:00:00Z").isAfter(clock.instant()) ? Instant.parse("2025-12-20T02:00:00Z")
                : clock.instant());
        assertThat(post("/api/v1/organisations/" + org + "/budgets/2025", body).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post("/api/v1/organisations/" + org + "/budgets/2025", body).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", "retry-1");
        Map<String, Object> spend = Map.of("lineId", "1", "amount", 400, "date", "2025-02-01", "document", "SP2D-9");
        ResponseEntity<Map<String, Object>> first = post("/api/v1/organisations/" + org + "/budgets/2025/realisations",
                spend, headers);
        ResponseEntity<Map<String, Object>> retry = post("/api/v1/organisations/" + org + "/budgets/2025/realisations",
                spend, headers);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        ResponseEntity<Map<String, Object>> conflict = post("/api/v1/organisations/" + org
                + "/budgets/2025/realisations", Map.of("lineId", "1", "amount", 401, "date", "2025-02-01",
                "document", "SP2D-9"), headers);
        assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(conflict.getBody()).containsEntry("code", "IDEMPOTENCY_CONFLICT");
        assertThat(conflict.getHeaders().getContentType().toString()).contains("application/problem+json");
        ResponseEntity<Map<String, Object>> over = post("/api/v1/organisations/" + org + "/budgets/2025/realisations",
                Map.of("lineId", "1", "amount", 602, "date", "2025-02-01", "document", "SP2D-10"));
        assertThat(over.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(over.getBody()).containsEntry("code", "BUDGET_CEILING_EXCEEDED");
        assertThat(post("/api/v1/organisations/" + org + "/budgets/2025/realisations", Map.of("lineId", "nope",
                "amount", 1, "date", "2025-02-01", "document", "x")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("/api/v1/organisations/" + org + "/budgets/2025/realisations", Map.of("lineId", "1",
                "amount", 1, "date", "2024-02-01", "document", "x")).getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        awaitProjections();
        Map<String, Object> report = get("/api/v1/organisations/" + org + "/reports/budget-realisation?year=2025")
                .getBody();
        assertThat(line(report, "1")).containsEntry("realised", 400).containsEntry("entries", 1);
    }
}
