package id.sakip.ledger.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import id.sakip.ledger.LedgerApiTest;

/**
 * Printed tables by meaning, on an OPD that is not Jiken: a performance-only LKjIP 2020 whose tables carry
 * the report's own labels ("Tabel 3.5"), reconciled without a budget.
 */
class PrintedTablesReconciliationTest extends LedgerApiTest {

    private static String file() {
        try (var in = PrintedTablesReconciliationTest.class.getResourceAsStream("/lkjip/dinas-contoh-2020.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ResponseEntity<Map<String, Object>> importYaml(String yaml) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        return post("/api/v1/imports/lkjip", yaml.getBytes(StandardCharsets.UTF_8), headers);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPerformanceOnlyFileReconcilesItsYearAndFindsTheCapaianComputedFromAnUnroundedRealisation() {
        ResponseEntity<Map<String, Object>> imported = importYaml(file());
        assertThat(imported.getStatusCode().is2xxSuccessful()).as(String.valueOf(imported.getBody())).isTrue();
        awaitProjections();

        ResponseEntity<Map<String, Object>> r = get("/api/v1/organisations/dinas-contoh/reports/reconciliation?year=2020");
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> found = (List<Map<String, Object>>) r.getBody().get("discrepancies");
        assertThat(found).extracting(d -> d.get("table"), d -> d.get("label"), d -> d.get("kind"), d -> d.get("item"))
                .containsExactly(tuple("Tabel 3.5", "Tabel 3.5", "indicator_achievement", "IKU-A capaian"));
        assertThat(found.get(0)).containsEntry("printed", "90,57");
        assertThat(new BigDecimal(found.get(0).get("computed").toString())).isEqualByComparingTo("90.58");
        assertThat(new BigDecimal(found.get(0).get("difference").toString())).isEqualByComparingTo("-0.01");
        // 3 indicators x 3 figures + kategori, the sasaran's jumlah, mean and kategori, 2019 and 2020 of Table 3.8
        assertThat(((Number) r.getBody().get("figuresCompared")).intValue()).isEqualTo(10 + 3 + 5);
        assertThat((List<String>) r.getBody().get("notCompared")).singleElement().asString()
                .startsWith("Tabel 2.3 (program_budgets").contains("no budget of 2020");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFileThatBreaksTheSchemaIsRefusedWithAnIndonesianMessageNamingThePath() {
        String broken = file().replace("id: dinas-contoh", "id: dinas-rusak")
                .replace("kind: objective_achievement", "kind: capaian_sasaran")
                .replace("capaian: \"91,43\"", "capaian: \"91.43\"");
        ResponseEntity<Map<String, Object>> refused = importYaml(broken);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        List<Map<String, Object>> problems = (List<Map<String, Object>>) ((Map<String, Object>) refused.getBody()
                .get("details")).get("problems");
        assertThat(problems).anySatisfy(p -> {
            assertThat(p).containsEntry("path", "printed[1].kind");
            assertThat(p.get("message").toString()).startsWith("harus salah satu dari: indicator_achievement");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p).containsEntry("path", "printed[0].rows.IKU-B.capaian");
            assertThat(p.get("message").toString()).contains("harus angka seperti tercetak");
        });
        assertThat(get("/api/v1/organisations/dinas-rusak/reports/reconciliation?year=2020").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
