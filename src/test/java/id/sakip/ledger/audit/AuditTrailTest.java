package id.sakip.ledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import id.sakip.ledger.LedgerApiTest;
import id.sakip.ledger.eventstore.CommitLog;

/** Who changed what, when and why; and what a report said at an earlier instant. */
class AuditTrailTest extends LedgerApiTest {

    private static final String ORG = "kec-audit";

    @Autowired
    CommitLog log;

    private void setUpLedger() {
        Map<String, Object> budget = Map.of("fund", "APBD", "legalBasis", "DPA 2025", "programs", List.of(Map.of(
                "number", 1, "name", "Program", "activities", List.of(Map.of("number", 1, "name", "Kegiatan",
                        "objective", "S1", "lines", List.of(Map.of("lineId", "7.01.01", "number", 1, "name", "ATK",
                                "economicClass", "barang_jasa", "amount", 1_000_000)))))));
        assertThat(post("/api/v1/organisations/" + ORG + "/budgets/2025", budget).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        Map<String, Object> plan = Map.of("planId", "renstra-2025-2029", "fromYear", 2025, "toYear", 2029,
                "goals", List.of(Map.of("id", "T1", "name", "Tujuan", "objectives", List.of(Map.of("id", "S1",
                        "name", "Sasaran", "indicators", List.of(Map.of("id", "IKU-A", "name", "Nilai SAKIP",
                                "unit", "nilai", "direction", "higher_is_better", "grading", "sakip")))))));
        assertThat(post("/api/v1/organisations/" + ORG + "/plans", plan).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private ResponseEntity<Map<String, Object>> put(String path, Object body) {
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(body), JSON);
    }

    private String spend(long amount, String document) {
        ResponseEntity<Map<String, Object>> r = post("/api/v1/organisations/" + ORG + "/budgets/2025/realisations",
                Map.of("lineId", "7.01.01", "amount", amount, "date", "2025-02-03", "document", document));
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.CREATED);
        return r.getBody().get("entryId").toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theHistoryShowsWhoChangedWhatWhenAndWhy() {
        setUpLedger();
        String entry = spend(250_000, "SP2D-001");
        post("/api/v1/organisations/" + ORG + "/budgets/2025/realisations/" + entry + "/reversal",
                Map.of("reason", "dobel input"));
        post("/api/v1/organisations/" + ORG + "/budgets/2025/amendments", Map.of("kind", "REFOCUSING", "reason",
                "refocusing", "legalBasis", "Perbup 3/2025", "effectiveDate", "2025-03-01", "changes",
                List.of(Map.of("lineId", "7.01.01", "amount", 800_000))));
        put("/api/v1/organisations/" + ORG + "/indicators/IKU-A/targets/2025", Map.of("value", 70));
        put("/api/v1/organisations/" + ORG + "/indicators/IKU-A/targets/2025", Map.of("value", 72,
                "reason", "PK Perubahan", "legalBasis", "Perbup 9/2025"));
        awaitProjections();

        Map<String, Object> page = get("/api/v1/organisations/" + ORG + "/audit/events").getBody();
        List<Map<String, Object>> events = (List<Map<String, Object>>) page.get("events");
        assertThat(events).extracting(e -> e.get("type")).containsExactly("BudgetAdopted", "PlanDefined",
                "RealisationRecorded", "RealisationReversed", "BudgetAmended", "IndicatorTargetSet",
                "IndicatorTargetAmended");
        List<Long> sequences = events.stream().map(e -> ((Number) e.get("sequence")).longValue()).toList();
        assertThat(sequences).isSorted();
        Map<String, Object> reversal = events.get(3);
        assertThat(reversal).containsEntry("reason", "dobel input").containsEntry("actorId", "admin").containsEntry("actorRole", "ADMIN")
                .containsKeys("recordedAt", "commitHash", "correlationId");
        assertThat(((Map<String, Object>) reversal.get("content"))).containsEntry("entryId", entry)
                .containsEntry("amount", 250_000);
        assertThat(events.get(4)).containsEntry("legalBasis", "Perbup 3/2025");
        long commit = ((Number) reversal.get("commit")).longValue();
        assertThat(reversal.get("commitHash")).isEqualTo(log.eventsAt(List.of(commit)).get(commit).commit().hash());

        List<Map<String, Object>> onlyReversals = (List<Map<String, Object>>) get("/api/v1/organisations/" + ORG
                + "/audit/events?type=RealisationReversed").getBody().get("events");
        assertThat(onlyReversals).hasSize(1);
        Map<String, Object> firstTwo = get("/api/v1/organisations/" + ORG + "/audit/events?limit=2").getBody();
        assertThat((List<?>) firstTwo.get("events")).hasSize(2);
        Map<String, Object> rest = get("/api/v1/organisations/" + ORG + "/audit/events?after="
                + firstTwo.get("nextAfter")).getBody();
        assertThat((List<?>) rest.get("events")).hasSize(5);
        assertThat((List<?>) get("/api/v1/organisations/" + ORG + "/audit/events?actor=someone-else").getBody()
                .get("events")).isEmpty();

        List<Map<String, Object>> line = (List<Map<String, Object>>) get("/api/v1/organisations/" + ORG
                + "/audit/history?lineId=7.01.01&year=2025").getBody().get("steps");
        assertThat(line).extracting(s -> s.get("change")).containsExactly("ADOPTED", "REALISATION_RECORDED",
                "REALISATION_REVERSED", "AMOUNT_AMENDED");
        assertThat(line.get(3)).containsEntry("before", 1_000_000).containsEntry("after", 800_000)
                .containsEntry("reason", "refocusing").containsEntry("legalBasis", "Perbup 3/2025");
        List<Map<String, Object>> indicator = (List<Map<String, Object>>) get("/api/v1/organisations/" + ORG
                + "/audit/history?indicatorId=IKU-A").getBody().get("steps");
        assertThat(indicator).extracting(s -> s.get("change")).containsExactly("TARGET_SET", "TARGET_AMENDED");
        assertThat(indicator.get(1)).containsEntry("reason", "PK Perubahan").containsEntry("actor", "admin");
        assertThat(get("/api/v1/organisations/" + ORG + "/audit/history?lineId=nope&year=2025").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aReportAskedAsOfAnEarlierInstantIsIdenticalToWhatItAnsweredThen() {
        String org = "kec-asof";
        Map<String, Object> budget = Map.of("fund", "APBD", "programs", List.of(Map.of("number", 1, "name", "P",
                "activities", List.of(Map.of("number", 1, "name", "K", "objective", "S1", "lines", List.of(
                        Map.of("lineId", "1", "number", 1, "name", "L", "economicClass", "modal",
                                "amount", 9_000_000)))))));
        post("/api/v1/organisations/" + org + "/budgets/2025", budget);
        post("/api/v1/organisations/" + org + "/budgets/2025/realisations", Map.of("lineId", "1", "amount", 1_000,
                "date", "2025-01-10", "document", "A"));
        clock.advanceSeconds(30);
        awaitProjections();
        String path = "/api/v1/organisations/" + org + "/reports/budget-realisation?year=2025";
        String live = http.getForObject(path, String.class);
        String amendmentsLive = http.getForObject("/api/v1/organisations/" + org
                + "/reports/budget-amendments?year=2025", String.class);
        Instant captured = clock.instant();
        clock.advanceSeconds(30);

        post("/api/v1/organisations/" + org + "/budgets/2025/realisations", Map.of("lineId", "1", "amount", 2_000,
                "date", "2025-01-11", "document", "B"));
        post("/api/v1/organisations/" + org + "/budgets/2025/amendments", Map.of("kind", "PERUBAHAN", "reason", "r",
                "legalBasis", "l", "effectiveDate", "2025-06-01", "changes", List.of(Map.of("lineId", "1",
                        "amount", 8_000_000))));
        awaitProjections();

        assertThat(http.getForObject(path, String.class)).isNotEqualTo(live);
        assertThat(http.getForObject(path + "&asOf=" + captured, String.class)).isEqualTo(live);
        assertThat(http.getForObject("/api/v1/organisations/" + org + "/reports/budget-amendments?year=2025&asOf="
                + captured, String.class)).isEqualTo(amendmentsLive);
    }
}
