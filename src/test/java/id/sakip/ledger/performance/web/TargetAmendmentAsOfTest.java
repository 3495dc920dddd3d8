package id.sakip.ledger.performance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import id.sakip.ledger.LedgerApiTest;

/** A target amendment is seen through {@code asOf}: the old value before it, the new one after. */
class TargetAmendmentAsOfTest extends LedgerApiTest {

    private static final String ORG = "kec-perf";

    private ResponseEntity<Map<String, Object>> put(String path, Object body) {
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(body), JSON);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> iku(String query) {
        ResponseEntity<Map<String, Object>> r = get("/api/v1/organisations/" + ORG
                + "/reports/indicator-achievement?year=2024" + query);
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.OK);
        return ((List<Map<String, Object>>) r.getBody().get("rows")).get(0);
    }

    @Test
    void aTargetAmendmentIsSeenBeforeAndAfterThroughAsOf() {
        Map<String, Object> plan = Map.of("planId", "renstra-2024-2028", "fromYear", 2024, "toYear", 2028,
                "goals", List.of(Map.of("id", "T1", "name", "Tujuan", "objectives", List.of(Map.of("id", "S1",
                        "name", "Sasaran", "indicators", List.of(Map.of("id", "IKU-W", "name", "Waktu layanan",
                                "unit", "hari", "direction", "lower_is_better")))))));
        assertThat(post("/api/v1/organisations/" + ORG + "/plans", plan).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        clock.advanceSeconds(5);
        assertThat(put("/api/v1/organisations/" + ORG + "/indicators/IKU-W/targets/2024", Map.of("value", 10))
                .getBody()).containsEntry("status", "SET");
        assertThat(put("/api/v1/organisations/" + ORG + "/indicators/IKU-W/realisations/2024",
                Map.of("value", 8, "source", "register layanan")).getBody()).containsEntry("status", "RECORDED");
        clock.advanceSeconds(60);
        Instant beforeAmendment = clock.instant();
        clock.advanceSeconds(60);

        ResponseEntity<Map<String, Object>> refused = put("/api/v1/organisations/" + ORG
                + "/indicators/IKU-W/targets/2024", Map.of("value", 12));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(put("/api/v1/organisations/" + ORG + "/indicators/IKU-W/targets/2024", Map.of("value", 12,
                "reason", "PK Perubahan", "legalBasis", "Perbup 7/2024")).getBody()).containsEntry("status", "AMENDED");
        clock.advanceSeconds(60);
        awaitProjections();

        Map<String, Object> before = iku("&asOf=" + beforeAmendment);
        Map<String, Object> now = iku("");
        Map<String, Object> nowAsOf = iku("&asOf=" + clock.instant());
        assertThat(new BigDecimal(before.get("target").toString())).isEqualByComparingTo("10");
        assertThat(new BigDecimal(before.get("achievementPercent").toString())).isEqualByComparingTo("120");
        assertThat(new BigDecimal(now.get("target").toString())).isEqualByComparingTo("12");
        // lower is better: (2 x 12 - 8) / 12 x 100 = 133.33
        assertThat(new BigDecimal(now.get("achievementPercent").toString())).isEqualByComparingTo("133.33");
        assertThat(nowAsOf).isEqualTo(now);

        assertThat(put("/api/v1/organisations/" + ORG + "/indicators/IKU-X/targets/2024", Map.of("value", 1))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(put("/api/v1/organisations/" + ORG + "/indicators/IKU-W/targets/2030", Map.of("value", 1))
                .getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(put("/api/v1/organisations/" + ORG + "/indicators/IKU-W/targets/2025", Map.of("value", 1.234))
                .getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }
}
