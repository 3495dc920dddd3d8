package id.sakip.ledger.performance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import id.sakip.ledger.LedgerApiTest;

/**
 * Scales as data on an organisation that is not Jiken: three IKU under one sasaran (one a percentage), a
 * Permendagri 86/2017 scale from the file, a kabupaten scale and an override with a cap, each seen from
 * its first year on, with {@code asOf} showing the scale of the time and the audit trail who set it.
 */
class GradingScaleApiTest extends LedgerApiTest {

    private static final String ORG = "dinas-skala";
    private static final String KAB = "contoh-raya";

    private static final String FILE = """
            organisation:
              id: dinas-skala
              name: Dinas Contoh Skala
              kabupaten: Kabupaten Contoh Raya
              provinsi: Jawa Tengah
              head: Kepala Dinas
            strategic_plan:
              id: renstra-2023-2027
              period: {from: 2023, to: 2027}
              goals:
                - id: T1
                  name: Pelayanan yang meningkat
                  objectives:
                    - id: S1
                      name: Meningkatnya kualitas layanan desa
                      indicators:
                        - {id: IKU-A, name: Indeks layanan, unit: indeks, direction: higher_is_better,
                           targets: {2024: 200, 2025: 200}, realisations: {2024: 150, 2025: 200.01}}
                        - {id: IKU-B, name: Persentase desa dengan layanan daring, unit: "%",
                           direction: higher_is_better, targets: {2024: 80, 2025: 80},
                           realisations: {2024: 72, 2025: 80.02}}
                        - {id: IKU-C, name: Jumlah inovasi layanan, unit: inovasi, direction: higher_is_better,
                           targets: {2024: 100, 2025: 100}, realisations: {2024: 120, 2025: 110}}
            grading_scales:
              capaian:
                effective_from: 2025
                legal_basis: Permendagri 86/2017
                bands:
                  - {from: 91, label: Sangat Tinggi}
                  - {from: 76, below: 91, label: Tinggi}
                  - {from: 66, below: 76, label: Sedang}
                  - {from: 51, below: 66, label: Rendah}
                  - {below: 51, label: Sangat Rendah}
            """;

    private static final List<Map<String, Object>> PERMENDAGRI = List.of(Map.of("from", 91, "label", "Sangat Tinggi"),
            Map.of("from", 76, "below", 91, "label", "Tinggi"), Map.of("from", 66, "below", 76, "label", "Sedang"),
            Map.of("from", 51, "below", 66, "label", "Rendah"), Map.of("below", 51, "label", "Sangat Rendah"));

    private ResponseEntity<Map<String, Object>> put(TestRestTemplate as, String path, Object body) {
        return as.exchange(path, HttpMethod.PUT, new HttpEntity<>(body), JSON);
    }

    private ResponseEntity<Map<String, Object>> importFile(String yaml) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        return post("/api/v1/imports/lkjip", yaml.getBytes(StandardCharsets.UTF_8), headers);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rows(String report, int year, Instant asOf, String key) {
        ResponseEntity<Map<String, Object>> r = get("/api/v1/organisations/" + ORG + "/reports/" + report + "?year="
                + year + (asOf == null ? "" : "&asOf=" + asOf));
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.OK);
        return (List<Map<String, Object>>) r.getBody().get(key);
    }

    private List<String> categories(int year, Instant asOf) {
        return rows("indicator-achievement", year, asOf, "rows").stream().map(r -> (String) r.get("category"))
                .toList();
    }

    private static BigDecimal dec(Object value) {
        return new BigDecimal(value.toString());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> scale(String path) {
        ResponseEntity<Map<String, Object>> r = get(path);
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> inForce(Map<String, Object> view) {
        return (Map<String, Object>) view.get("inForce");
    }

    @Test
    @SuppressWarnings("unchecked")
    void scalesGradeFromTheirFirstYearAsOfTheirRecordingAndSaySoInTheAuditTrail() {
        assertThat(post("/api/v1/users", Map.of("username", "perencana-skala", "password",
                "perencana-skala-password-1", "roles", List.of(Map.of("role", "PLANNER", "organisation", ORG))))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        TestRestTemplate planner = anonymous.withBasicAuth("perencana-skala", "perencana-skala-password-1");

        ResponseEntity<Map<String, Object>> imported = importFile(FILE);
        assertThat(imported.getStatusCode()).as(String.valueOf(imported.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat((Map<String, Object>) imported.getBody().get("summary"))
                .containsEntry("gradingScalesRecorded", List.of("capaian 2025"));
        assertThat(importFile(FILE).getBody()).containsEntry("alreadyImported", true)
                .containsEntry("eventsAppended", 0);
        clock.advanceSeconds(60);
        Instant beforeKabupaten = clock.instant();
        clock.advanceSeconds(60);

        ResponseEntity<Map<String, Object>> kabupaten = put(http, "/api/v1/kabupaten/" + KAB
                + "/grading-scales/capaian", Map.of("effectiveFrom", 2024, "legalBasis", "Perbup Contoh 12/2024",
                "reason", "Satu skala untuk semua OPD", "bands", PERMENDAGRI));
        assertThat(kabupaten.getStatusCode()).as(String.valueOf(kabupaten.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(kabupaten.getHeaders().getFirst("Ledger-Position")).isNotBlank();
        assertThat(put(planner, "/api/v1/kabupaten/" + KAB + "/grading-scales/capaian", Map.of("effectiveFrom",
                2024, "legalBasis", "x", "reason", "y", "bands", PERMENDAGRI)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        clock.advanceSeconds(60);
        Instant beforeCap = clock.instant();
        clock.advanceSeconds(60);

        ResponseEntity<Map<String, Object>> capped = put(planner, "/api/v1/organisations/" + ORG
                + "/grading-scales/capaian", Map.of("effectiveFrom", 2025, "legalBasis", "Permendagri 86/2017",
                "reason", "Capaian dibatasi 100 seperti LKjIP kabupaten", "cap", 100, "bands", PERMENDAGRI));
        assertThat(capped.getStatusCode()).as(String.valueOf(capped.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(capped.getBody()).containsEntry("status", "SET");
        assertThat(capped.getHeaders().getFirst("Ledger-Position")).isNotBlank();
        awaitProjections();

        // 2024: Jiken's default before the kabupaten set its scale, the kabupaten's (cap-less: 120 is Sangat Tinggi) after
        assertThat(categories(2024, beforeKabupaten)).containsExactly("Cukup", "Baik", "Sangat Baik");
        assertThat(categories(2024, null)).containsExactly("Sedang", "Tinggi", "Sangat Tinggi");
        assertThat(dec(rows("indicator-achievement", 2024, null, "rows").get(2).get("achievementPercent")))
                .isEqualByComparingTo("120.00");

        // 2025, before the cap: the file's scale; the sasaran is the mean of unrounded capaian, rounded once
        Map<String, Object> s1 = rows("objective-achievement", 2025, beforeCap, "objectives").get(0);
        assertThat(s1).containsEntry("objective", "S1").containsEntry("indicatorCount", 3)
                .containsEntry("category", "Sangat Tinggi");
        assertThat(((List<Map<String, Object>>) s1.get("indicators")))
                .extracting(i -> dec(i.get("achievementPercent")).stripTrailingZeros().toPlainString())
                .containsExactly("100.01", "100.03", "110");
        // (100.005 + 100.025 + 110) / 3 = 103.343…; averaging the rounded 100.01, 100.03, 110.00 would give 103.35
        assertThat(dec(s1.get("achievementPercent"))).isEqualByComparingTo("103.34");
        assertThat(dec(s1.get("achievementTotal"))).isEqualByComparingTo("310.03");

        // 2025 now: the override caps every capaian at 100 before the mean, the display and the grading
        Map<String, Object> now = rows("objective-achievement", 2025, null, "objectives").get(0);
        assertThat(((List<Map<String, Object>>) now.get("indicators")))
                .extracting(i -> dec(i.get("achievementPercent")).stripTrailingZeros().toPlainString())
                .containsExactly("100", "100", "100");
        assertThat(dec(now.get("achievementPercent"))).isEqualByComparingTo("100");
        assertThat(now).containsEntry("category", "Sangat Tinggi");

        Map<String, Object> view = scale("/api/v1/organisations/" + ORG + "/grading-scales/capaian?year=2025");
        assertThat(inForce(view)).containsEntry("source", "organisation").containsEntry("effectiveFrom", 2025)
                .containsEntry("recordedBy", "perencana-skala").containsEntry("cap", 100);
        assertThat((List<?>) view.get("history")).hasSize(2);
        assertThat(view).containsEntry("kabupatenId", KAB);
        Map<String, Object> then = scale("/api/v1/organisations/" + ORG + "/grading-scales/capaian?year=2025&asOf="
                + beforeCap);
        assertThat(inForce(then)).containsEntry("recordedBy", "admin").doesNotContainKey("cap")
                .containsEntry("legalBasis", "Permendagri 86/2017");
        assertThat((List<?>) then.get("history")).hasSize(1);
        assertThat(inForce(scale("/api/v1/organisations/" + ORG + "/grading-scales/capaian?year=2024")))
                .containsEntry("source", "kabupaten").containsEntry("ownerId", KAB)
                .containsEntry("legalBasis", "Perbup Contoh 12/2024");
        assertThat(inForce(scale("/api/v1/kabupaten/" + KAB + "/grading-scales/capaian?year=2024&asOf="
                + beforeKabupaten))).containsEntry("source", "default");

        List<Map<String, Object>> events = (List<Map<String, Object>>) get("/api/v1/organisations/" + ORG
                + "/audit/events?type=OrganisationGradingScaleOverridden").getBody().get("events");
        assertThat(events).extracting(e -> e.get("actorId")).containsExactly("admin", "perencana-skala");
        assertThat(events.get(1)).containsEntry("reason", "Capaian dibatasi 100 seperti LKjIP kabupaten")
                .containsEntry("legalBasis", "Permendagri 86/2017");
        List<Map<String, Object>> kabupatenEvents = (List<Map<String, Object>>) get("/api/v1/organisations/" + ORG
                + "/audit/events?type=KabupatenGradingScaleSet").getBody().get("events");
        assertThat(kabupatenEvents).as("the kabupaten's scale in the trail of each of its organisations")
                .singleElement().satisfies(e -> assertThat(e).containsEntry("actorId", "admin")
                        .containsEntry("reason", "Satu skala untuk semua OPD")
                        .containsEntry("legalBasis", "Perbup Contoh 12/2024"));

        String csv = http.getForObject("/api/v1/organisations/" + ORG + "/reports/objective-achievement?year=2025"
                + "&format=csv&asOf=" + beforeCap, String.class);
        assertThat(csv).contains("Sasaran,Indikator,Nama indikator,Satuan,Target,Realisasi,Capaian (%),Kategori")
                .contains("S1,,Jumlah (3 dari 3 indikator),,,,310.03,")
                .contains("S1,,Rata-rata capaian,,,,103.34,Sangat Tinggi");
        String page = id.sakip.ledger.web.PageSession.signIn(anonymous, "admin", ADMIN_PASSWORD)
                .get("/org/" + ORG + "/laporan/2025", String.class).getBody();
        assertThat(page).contains("Capaian kinerja sasaran").contains("Rata-rata capaian").contains("100,00")
                .contains("tabel=sasaran&amp;format=xlsx").contains("capaian dibatasi <span>100,00</span>")
                .contains("Sangat Tinggi ≥ 91");
    }

    @Test
    void aPlannerOfTheWholeKabupatenSetsItsScaleButNotAnotherKabupatens() {
        assertThat(post("/api/v1/users", Map.of("username", "bappeda-contoh", "password",
                "bappeda-contoh-password-1", "roles", List.of(Map.of("role", "PLANNER", "organisation", "kab:bappeda-uji"))))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        TestRestTemplate bappeda = anonymous.withBasicAuth("bappeda-contoh", "bappeda-contoh-password-1");
        Map<String, Object> scale = Map.of("effectiveFrom", 2030, "legalBasis", "Perbup Contoh 3/2030",
                "reason", "Skala Bappeda", "bands", PERMENDAGRI);

        ResponseEntity<Map<String, Object>> own = put(bappeda, "/api/v1/kabupaten/bappeda-uji/grading-scales/capaian",
                scale);
        assertThat(own.getStatusCode()).as(String.valueOf(own.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(put(bappeda, "/api/v1/kabupaten/" + KAB + "/grading-scales/capaian", scale).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void bandsThatLeaveAGapAreRefusedInIndonesianAsAProblem() {
        ResponseEntity<Map<String, Object>> refused = put(http, "/api/v1/organisations/dinas-skala-celah"
                + "/grading-scales/capaian", Map.of("effectiveFrom", 2024, "legalBasis", "Permendagri 86/2017",
                "reason", "Salin dari LKjIP", "bands", List.of(Map.of("from", 91, "label", "Sangat Tinggi"),
                        Map.of("from", 76, "upto", 90, "label", "Tinggi"), Map.of("below", 76, "label", "Rendah"))));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody()).containsEntry("code", "INVALID_SCALE");
        assertThat(refused.getBody().get("detail").toString()).isEqualTo("Skala capaian kinerja tidak sah: celah: "
                + "pita 'Tinggi' (≥ 76 s.d. ≤ 90) dan 'Sangat Tinggi' (≥ 91) menyisakan nilai antara 90 dan 91 "
                + "yang tidak masuk pita mana pun");
        assertThat(put(http, "/api/v1/organisations/dinas-skala-celah/grading-scales/predikat", Map.of())
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @SuppressWarnings("unchecked")
    void table37TakesTheSasaranMeanAndGradesItOnTheEfficiencyScaleInForce() {
        String org = "dinas-skala-efisiensi";
        String file = FILE.replace("id: dinas-skala\n", "id: " + org + "\n").replace("Kabupaten Contoh Raya",
                "Kabupaten Contoh Efisien");
        assertThat(importFile(file).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("/api/v1/organisations/" + org + "/budgets/2025", oneLineBudget()).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post("/api/v1/organisations/" + org + "/budgets/2025/realisations", Map.of("lineId", "1",
                "amount", 500_000, "date", "2025-03-01", "document", "SP2D-1")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        awaitProjections();
        Map<String, Object> jiken = ((List<Map<String, Object>>) get("/api/v1/organisations/" + org
                + "/reports/efficiency?year=2025").getBody().get("rows")).get(0);
        // 103.343… − 50 = 53.34 points: the sasaran mean, not one indicator's capaian
        assertThat(dec(jiken.get("achievementPercent"))).isEqualByComparingTo("103.34");
        assertThat(dec(jiken.get("efficiencyPoints"))).isEqualByComparingTo("53.34");
        assertThat(jiken).containsEntry("category", "Sangat Efisien");

        ResponseEntity<Map<String, Object>> set = put(http, "/api/v1/organisations/" + org
                + "/grading-scales/efficiency", Map.of("effectiveFrom", 2025, "legalBasis", "Perbup Contoh 3/2025",
                "reason", "Efisien bila selisih 60 poin atau lebih", "bands", List.of(
                        Map.of("rule", ">= 60", "label", "Efisien"), Map.of("rule", "< 60", "label", "Belum Efisien"))));
        assertThat(set.getStatusCode()).as(String.valueOf(set.getBody())).isEqualTo(HttpStatus.OK);
        awaitProjections();
        Map<String, Object> own = ((List<Map<String, Object>>) get("/api/v1/organisations/" + org
                + "/reports/efficiency?year=2025").getBody().get("rows")).get(0);
        assertThat(own).containsEntry("category", "Belum Efisien");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jikensFileQuotesTheDefaultScaleSoItsImportRecordsNoScale() {
        postJikenImport();
        awaitProjections();
        Map<String, Object> view = scale("/api/v1/organisations/kec-jiken/grading-scales/capaian?year=2023");
        assertThat(inForce(view)).containsEntry("source", "default");
        assertThat((List<?>) view.get("history")).isEmpty();
        assertThat(inForce(scale("/api/v1/organisations/kec-jiken/grading-scales/efficiency?year=2023")))
                .containsEntry("source", "default");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) get("/api/v1/organisations/kec-jiken"
                + "/reports/indicator-achievement?year=2023").getBody().get("rows");
        assertThat(rows).extracting(r -> r.get("category")).containsExactly("Baik", "Sangat Baik");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReconciliationComparesPrintedCategoriesOnTheScaleInForce() {
        String org = "dinas-skala-rekon";
        String file = FILE.replace("id: dinas-skala\n", "id: " + org + "\n") + """
                budget:
                  fiscal_year: 2025
                  programs:
                    - number: 1
                      name: P
                      activities:
                        - number: 1
                          name: A
                          objective: S1
                          sub_activities:
                            - {number: 1, name: L, class: barang_jasa, budget: 1000, realised: 500}
                printed:
                  table_3_2_2025:
                    IKU-A: {kategori: Sangat Baik}
                    IKU-C: {kategori: Sangat Tinggi}
                """;
        ResponseEntity<Map<String, Object>> imported = importFile(file);
        assertThat(imported.getStatusCode()).as(String.valueOf(imported.getBody())).isEqualTo(HttpStatus.CREATED);
        awaitProjections();
        ResponseEntity<Map<String, Object>> r = get("/api/v1/organisations/" + org
                + "/reports/reconciliation?year=2025");
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> found = (List<Map<String, Object>>) r.getBody().get("discrepancies");
        assertThat(found).extracting(d -> d.get("item"), d -> d.get("printed"), d -> d.get("computed"))
                .containsExactly(tuple("IKU-A kategori", "Sangat Baik", "Sangat Tinggi"));
    }
}
