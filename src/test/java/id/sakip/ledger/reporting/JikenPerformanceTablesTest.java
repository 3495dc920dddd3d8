package id.sakip.ledger.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import id.sakip.ledger.LedgerApiTest;

/**
 * Tables 3.2, 3.3, 3.4 and 3.7 of the Jiken 2023 LKjIP reproduced from events, with exact values
 * where the printed report truncated (96,66 → 96,67; 90,62 → 90,63; 95,55 → 96,17).
 */
class JikenPerformanceTablesTest extends LedgerApiTest {

    @BeforeEach
    void importJiken() {
        ResponseEntity<Map<String, Object>> r = postJikenImport();
        assertThat(r.getStatusCode().is2xxSuccessful()).as(String.valueOf(r.getBody())).isTrue();
        awaitProjections();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rows(String path) {
        ResponseEntity<Map<String, Object>> r = get("/api/v1/organisations/kec-jiken/reports/" + path);
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.OK);
        return (List<Map<String, Object>>) r.getBody().get("rows");
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String key, String value) {
        return rows.stream().filter(r -> value.equals(r.get(key))).findFirst().orElseThrow();
    }

    private static void assertDecimal(Object actual, String expected) {
        assertThat(actual).as("expected %s", expected).isNotNull();
        assertThat(new BigDecimal(actual.toString())).isEqualByComparingTo(expected);
    }

    @Test
    void table32AchievementIn2023() {
        List<Map<String, Object>> rows = rows("indicator-achievement?year=2023");
        Map<String, Object> sakip = row(rows, "indicatorId", "IKU-1");
        assertDecimal(sakip.get("target"), "75");
        assertDecimal(sakip.get("realisation"), "72.50");
        assertDecimal(sakip.get("achievementPercent"), "96.67");
        assertThat(sakip).containsEntry("category", "Baik").containsEntry("grade", "BB").containsEntry("objective", "S1");
        Map<String, Object> skm = row(rows, "indicatorId", "IKU-2");
        assertDecimal(skm.get("achievementPercent"), "104.28");
        assertThat(skm).containsEntry("category", "Sangat Baik").containsEntry("grade", "B");
    }

    @Test
    @SuppressWarnings("unchecked")
    void table33ComparisonOver2021To2023() {
        List<Map<String, Object>> rows = rows("indicator-comparison?from=2021&to=2023");
        List<Map<String, Object>> sakip = (List<Map<String, Object>>) row(rows, "indicatorId", "IKU-1").get("years");
        List<Map<String, Object>> skm = (List<Map<String, Object>>) row(rows, "indicatorId", "IKU-2").get("years");
        assertThat(sakip).extracting(y -> y.get("year")).containsExactly(2021, 2022, 2023);
        assertThat(sakip.get(0).get("target")).as("2021 had no SAKIP target").isNull();
        assertThat(sakip.get(0).get("achievementPercent")).isNull();
        assertDecimal(sakip.get(0).get("realisation"), "67.45");
        assertDecimal(sakip.get(1).get("achievementPercent"), "96.36");
        assertDecimal(sakip.get(2).get("achievementPercent"), "96.67");
        assertDecimal(skm.get(0).get("achievementPercent"), "102.50");
        assertDecimal(skm.get(1).get("achievementPercent"), "104.68");
        assertDecimal(skm.get(2).get("achievementPercent"), "104.28");
    }

    @Test
    void table34ProgressTowardsTheRenstraTargetOf2026() {
        List<Map<String, Object>> rows = rows("renstra-progress?year=2023");
        Map<String, Object> sakip = row(rows, "indicatorId", "IKU-1");
        assertThat(sakip).containsEntry("finalYear", 2026).containsEntry("category", "Baik");
        assertDecimal(sakip.get("finalTarget"), "80");
        assertDecimal(sakip.get("progressPercent"), "90.63");
        Map<String, Object> skm = row(rows, "indicatorId", "IKU-2");
        assertDecimal(skm.get("progressPercent"), "96.17");
        assertThat(skm).containsEntry("category", "Baik");
    }

    @Test
    void table37EfficiencyPerObjective() {
        List<Map<String, Object>> rows = rows("efficiency?year=2023");
        Map<String, Object> s1 = row(rows, "objective", "S1");
        assertDecimal(s1.get("achievementPercent"), "96.67");
        assertThat(s1).containsEntry("budget", 1_775_815_000).containsEntry("realised", 1_703_546_918)
                .containsEntry("category", "Sangat Efisien");
        assertDecimal(s1.get("absorptionPercent"), "95.93");
        assertDecimal(s1.get("efficiencyPoints"), "0.74");
        Map<String, Object> s2 = row(rows, "objective", "S2");
        assertThat(s2).containsEntry("budget", 147_185_000).containsEntry("realised", 146_438_960)
                .containsEntry("category", "Sangat Efisien");
        assertDecimal(s2.get("absorptionPercent"), "99.49");
        assertDecimal(s2.get("efficiencyPoints"), "4.78");
    }
}
