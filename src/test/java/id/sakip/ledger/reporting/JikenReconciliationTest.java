package id.sakip.ledger.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import id.sakip.ledger.LedgerApiTest;

/**
 * Where the printed Jiken 2023 LKjIP contradicts its own inputs. Each expected disagreement below was
 * checked by hand against the reference file (and the Table 3.9 percentages again in a separate
 * script): exactly these, no more.
 */
class JikenReconciliationTest extends LedgerApiTest {

    @BeforeEach
    void importJiken() {
        assertThat(postJikenImport().getStatusCode().is2xxSuccessful()).isTrue();
        awaitProjections();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyPrintedFigureThatDisagreesWithTheLedgerIsListed() {
        ResponseEntity<Map<String, Object>> r = get("/api/v1/organisations/kec-jiken/reports/reconciliation?year=2023");
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> found = (List<Map<String, Object>>) r.getBody().get("discrepancies");
        assertThat(found).extracting(d -> d.get("table"), d -> d.get("item")).containsExactlyInAnyOrder(
                tuple("table_2_4_performance_agreement_program_budgets", "program_1"),
                tuple("table_2_4_performance_agreement_program_budgets", "program_3"),
                tuple("table_3_2_2023", "IKU-1 capaian"),
                tuple("table_3_3_comparison", "IKU-1 2022 capaian"),
                tuple("table_3_3_comparison", "IKU-1 2023 capaian"),
                tuple("table_3_3_comparison", "IKU-2 2022 capaian"),
                tuple("table_3_4_progress_to_2026", "IKU-1 capaian"),
                tuple("table_3_4_progress_to_2026", "IKU-2 capaian"),
                tuple("table_3_7_efficiency", "S1 capaian_kinerja"),
                tuple("table_3_7_efficiency", "S1 efisiensi"),
                tuple("table_3_7_efficiency", "S2 anggaran_target"),
                tuple("table_3_7_efficiency", "S2 anggaran_realisasi"),
                tuple("table_3_9_budget_realisation", "line 9 persentase"),
                tuple("table_3_9_budget_realisation", "line 13 persentase"),
                tuple("table_3_9_budget_realisation", "line 17 persentase"),
                tuple("table_3_9_budget_realisation", "total anggaran"),
                tuple("table_3_9_budget_realisation", "total realisasi"),
                tuple("section_3_3_spending_split", "belanja_pegawai"),
                tuple("section_3_3_spending_split", "belanja_barang_jasa (all spending other than pegawai)"),
                tuple("section_3_3_spending_split", "total"),
                tuple("table_2_6_amendment", "after barang_jasa"),
                tuple("table_2_6_amendment", "after total"));

        Map<String, Object> total = find(found, "table_3_9_budget_realisation", "total anggaran");
        assertThat(total).containsEntry("printed", 1_925_000_000).containsEntry("computed", 1_923_000_000);
        assertThat(new BigDecimal(total.get("difference").toString())).isEqualByComparingTo("2000000");
        Map<String, Object> line9 = find(found, "table_3_9_budget_realisation", "line 9 persentase");
        assertThat(line9).containsEntry("printed", "84%");
        assertThat(new BigDecimal(line9.get("computed").toString())).isEqualByComparingTo("83.33");
        Map<String, Object> sakip = find(found, "table_3_2_2023", "IKU-1 capaian");
        assertThat(sakip).containsEntry("printed", "96,66");
        assertThat(new BigDecimal(sakip.get("computed").toString())).isEqualByComparingTo("96.67");
        Map<String, Object> s1 = find(found, "table_3_7_efficiency", "S1 efisiensi");
        assertThat(s1).containsEntry("printed", "Efisien").containsEntry("computed", "Sangat Efisien");
        Map<String, Object> s2 = find(found, "table_3_7_efficiency", "S2 anggaran_target");
        assertThat(new BigDecimal(s2.get("difference").toString())).isEqualByComparingTo("2000000");

        assertThat(((Number) r.getBody().get("figuresCompared")).intValue()).isGreaterThan(150);
        assertThat((List<String>) r.getBody().get("notCompared")).singleElement().asString()
                .startsWith("table_2_6_amendment.before");
    }

    private static Map<String, Object> find(List<Map<String, Object>> found, String table, String item) {
        return found.stream().filter(d -> table.equals(d.get("table")) && item.equals(d.get("item"))).findFirst()
                .orElseThrow();
    }

    @Test
    void anOrganisationWithoutAPrintedReportHasNothingToReconcile() {
        assertThat(get("/api/v1/organisations/kec-nothing/reports/reconciliation?year=2023").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
