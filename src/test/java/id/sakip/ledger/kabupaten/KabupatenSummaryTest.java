package id.sakip.ledger.kabupaten;

import static id.sakip.ledger.kabupaten.KabupatenFixtures.BADAN;
import static id.sakip.ledger.kabupaten.KabupatenFixtures.DINAS;
import static id.sakip.ledger.kabupaten.KabupatenFixtures.KABUPATEN;
import static id.sakip.ledger.kabupaten.KabupatenFixtures.KECAMATAN;
import static id.sakip.ledger.kabupaten.KabupatenFixtures.OTHER_KABUPATEN;
import static id.sakip.ledger.kabupaten.KabupatenFixtures.OUTSIDE;
import static id.sakip.ledger.kabupaten.KabupatenFixtures.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import id.sakip.ledger.LedgerApiTest;

/**
 * The kabupaten view on organisations that are not Jiken's: the summary lists every OPD of the
 * kabupaten with figures equal to its own reports, totals that add up, asOf, and kabupaten-level grants.
 */
class KabupatenSummaryTest extends LedgerApiTest {

    private static final String SUMMARY = "/api/v1/kabupaten/" + KABUPATEN + "/reports/summary?year=" + YEAR;
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {
            };

    private static boolean recorded;
    private static Map<String, Object> sakip;

    static void importFile(TestRestTemplate client, String yaml) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        ResponseEntity<Map<String, Object>> r = client.exchange("/api/v1/imports/lkjip", HttpMethod.POST,
                new HttpEntity<>(yaml.getBytes(StandardCharsets.UTF_8), headers), JSON);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(String.valueOf(r.getBody())).isTrue();
    }

    private void createUser(String username, String role, String organisation) {
        ResponseEntity<Map<String, Object>> r = post("/api/v1/users", Map.of("username", username, "password",
                username + "-password-1", "roles", List.of(Map.of("role", role, "organisation", organisation))));
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    private TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, user + "-password-1");
    }

    @BeforeEach
    void kabupaten() {
        if (recorded) {
            return;
        }
        importFile(http, KabupatenFixtures.dinas());
        importFile(http, KabupatenFixtures.kecamatan());
        importFile(http, KabupatenFixtures.badan());
        importFile(http, KabupatenFixtures.outside());
        ResponseEntity<Map<String, Object>> evaluation = post("/api/v1/organisations/" + KECAMATAN
                + "/indicators/IKU-B1/sakip-evaluations", Map.of("year", YEAR, "perencanaan", 20, "pengukuran", 20,
                "pelaporan", 10, "evaluasiInternal", 15, "evidence", "LHE Inspektorat", "recordAsRealisation", true));
        assertThat(evaluation.getStatusCode()).as(String.valueOf(evaluation.getBody())).isEqualTo(HttpStatus.CREATED);
        sakip = evaluation.getBody();
        createUser("inspektur-sukamaju", "AUDITOR", "kab:" + KABUPATEN);
        createUser("bappeda-sukamaju", "PLANNER", "kab:" + KABUPATEN);
        createUser("perencana-dinas", "PLANNER", DINAS);
        awaitProjections();
        recorded = true;
    }

    private static List<Map<String, Object>> rows(Map<String, Object> summary) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) summary.get("organisations");
        return rows;
    }

    private static Map<String, Object> row(Map<String, Object> summary, String organisationId) {
        return rows(summary).stream().filter(r -> organisationId.equals(r.get("organisationId"))).findFirst()
                .orElseThrow(() -> new AssertionError(organisationId + " not in " + summary));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> total(Map<String, Object> summary) {
        return (Map<String, Object>) summary.get("total");
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static long money(Object value) {
        return ((Number) value).longValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> ownTotal(String organisationId) {
        return (Map<String, Object>) get("/api/v1/organisations/" + organisationId
                + "/reports/budget-realisation?year=" + YEAR).getBody().get("total");
    }

    @Test
    void theSummaryListsEveryOrganisationOfTheKabupatenWithTheFiguresOfItsOwnReports() {
        Map<String, Object> summary = get(SUMMARY).getBody();

        assertThat(summary).containsEntry("kabupatenId", KABUPATEN).containsEntry("year", YEAR);
        assertThat(rows(summary)).extracting(r -> r.get("organisationId"))
                .containsExactlyInAnyOrder(DINAS, KECAMATAN, BADAN).doesNotContain(OUTSIDE);
        for (String org : List.of(DINAS, KECAMATAN)) {
            Map<String, Object> own = ownTotal(org);
            assertThat(row(summary, org)).as(org).containsEntry("budget", own.get("budget"))
                    .containsEntry("realised", own.get("realised"))
                    .containsEntry("absorptionPercent", own.get("absorptionPercent"));
        }
        Map<String, Object> badan = row(summary, BADAN);
        assertThat(badan).containsEntry("name", "Badan Perencanaan Pembangunan Daerah Sukamaju");
        assertThat(badan.get("budget")).as("no budget: null, not 0").isNull();
        assertThat(badan.get("realised")).isNull();
        assertThat(badan.get("absorptionPercent")).isNull();
        assertThat(badan.get("meanAchievementPercent")).isNull();
    }

    @Test
    void theTotalIsTheSumOfTheRowsAndItsAbsorptionThatOfTheSumsNotAMeanOfPercentages() {
        Map<String, Object> summary = get(SUMMARY).getBody();
        long budget = 0;
        long realised = 0;
        int withBudget = 0;
        BigDecimal sumOfPercentages = BigDecimal.ZERO;
        for (Map<String, Object> r : rows(summary)) {
            if (r.get("budget") != null) {
                budget += money(r.get("budget"));
                realised += money(r.get("realised"));
                sumOfPercentages = sumOfPercentages.add(decimal(r.get("absorptionPercent")));
                withBudget++;
            }
        }
        Map<String, Object> total = total(summary);
        assertThat(money(total.get("budget"))).isEqualTo(budget);
        assertThat(money(total.get("realised"))).isEqualTo(realised);
        assertThat(total).containsEntry("organisations", 3).containsEntry("organisationsWithBudget", withBudget);
        BigDecimal ofSums = BigDecimal.valueOf(realised * 100).divide(BigDecimal.valueOf(budget), 2,
                RoundingMode.HALF_UP);
        assertThat(decimal(total.get("absorptionPercent"))).isEqualByComparingTo(ofSums);
        assertThat(ofSums).as("the two OPD's absorptions differ, so a mean of percentages would be another figure")
                .isNotEqualByComparingTo(sumOfPercentages.divide(BigDecimal.valueOf(withBudget), 2,
                        RoundingMode.HALF_UP));
    }

    @Test
    void theMonthlyCurveAddsUpEveryOrganisationsRealisationsAgainstTheTotalBudget() {
        Map<String, Object> summary = get(SUMMARY).getBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> monthly = (List<Map<String, Object>>) summary.get("monthly");
        assertThat(monthly).hasSize(12);
        long sumAtDecember = 0;
        for (String org : List.of(DINAS, KECAMATAN)) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> own = (List<Map<String, Object>>) get("/api/v1/organisations/" + org
                    + "/reports/budget-realisation?year=" + YEAR).getBody().get("monthly");
            sumAtDecember += money(own.get(11).get("cumulativeRealised"));
        }
        assertThat(money(monthly.get(11).get("cumulativeRealised"))).isEqualTo(sumAtDecember)
                .isEqualTo(money(total(summary).get("realised")));
        assertThat(money(monthly.get(0).get("cumulativeRealised"))).as("nothing was spent in January").isZero();
        assertThat(decimal(monthly.get(2).get("evenSpendingPercent"))).isEqualByComparingTo("25.00");
        assertThat(summary).as("a past year is compared at December").containsEntry("month", 12);
    }

    @Test
    void theOpdFurthestBehindTheEvenSpendingLineComesFirst() {
        Map<String, Object> summary = get(SUMMARY).getBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> behind = (List<Map<String, Object>>) summary.get("furthestBehind");
        BigDecimal even = decimal(summary.get("evenSpendingPercent"));
        List<Map<String, Object>> withBudget = rows(summary).stream().filter(r -> r.get("budget") != null)
                .sorted((a, b) -> decimal(a.get("absorptionAtMonthPercent"))
                        .compareTo(decimal(b.get("absorptionAtMonthPercent")))).toList();
        assertThat(behind).extracting(b -> b.get("organisationId"))
                .containsExactlyElementsOf(withBudget.stream().map(r -> r.get("organisationId")).toList());
        Map<String, Object> first = behind.get(0);
        assertThat(decimal(first.get("gapPercent"))).isEqualByComparingTo(
                decimal(first.get("absorptionPercent")).subtract(even));
    }

    @Test
    void theMeanCapaianIsTheMeanOfTheUnroundedCapaianRoundedOnce() {
        Map<String, Object> dinas = row(get(SUMMARY).getBody(), DINAS);
        BigDecimal twoThirds = BigDecimal.valueOf(200).divide(BigDecimal.valueOf(3), 40, RoundingMode.HALF_EVEN);
        BigDecimal unroundedMean = twoThirds.add(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(2), 40,
                RoundingMode.HALF_EVEN).setScale(2, RoundingMode.HALF_UP);
        BigDecimal meanOfRounded = twoThirds.setScale(2, RoundingMode.HALF_UP).add(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
        assertThat(unroundedMean).as("the data tells the two apart").isNotEqualByComparingTo(meanOfRounded);
        assertThat(decimal(dinas.get("meanAchievementPercent"))).isEqualByComparingTo(unroundedMean);
        assertThat(dinas).containsEntry("indicatorsWithAchievement", 2);
    }

    @Test
    void theSakipGradeAndTheReconciliationFindingsAreThoseOfEachOrganisation() {
        Map<String, Object> summary = get(SUMMARY).getBody();
        Map<String, Object> kecamatan = row(summary, KECAMATAN);
        assertThat(decimal(kecamatan.get("sakipScore"))).isEqualByComparingTo(decimal(sakip.get("total")));
        assertThat(kecamatan).containsEntry("sakipGrade", sakip.get("predicate"));
        assertThat(row(summary, DINAS).get("sakipScore")).isNull();

        @SuppressWarnings("unchecked")
        List<Object> discrepancies = (List<Object>) get("/api/v1/organisations/" + DINAS
                + "/reports/reconciliation?year=" + YEAR).getBody().get("discrepancies");
        assertThat(discrepancies).as("the printed total is wrong").isNotEmpty();
        assertThat(row(summary, DINAS)).containsEntry("reconciliationFindings", discrepancies.size());
        assertThat(kecamatan.get("reconciliationFindings")).as("no printed LKjIP: null, not 0").isNull();
    }

    @Test
    void asOfBeforeARealisationShowsTheEarlierFigures() {
        awaitProjections();
        Map<String, Object> before = get(SUMMARY).getBody();
        clock.advanceSeconds(60);
        Instant between = clock.instant();
        clock.advanceSeconds(60);
        ResponseEntity<Map<String, Object>> spent = post("/api/v1/organisations/" + KECAMATAN + "/budgets/" + YEAR
                + "/realisations", Map.of("lineId", "1", "amount", 300_000, "date", YEAR + "-11-20", "document",
                "SP2D-B2"));
        assertThat(spent.getStatusCode()).as(String.valueOf(spent.getBody())).isEqualTo(HttpStatus.CREATED);

        Map<String, Object> live = get(SUMMARY).getBody();
        Map<String, Object> asOf = get(SUMMARY + "&asOf=" + between).getBody();

        long earlier = money(row(before, KECAMATAN).get("realised"));
        assertThat(money(row(live, KECAMATAN).get("realised"))).isEqualTo(earlier + 300_000);
        assertThat(money(row(asOf, KECAMATAN).get("realised"))).isEqualTo(earlier);
        assertThat(money(total(asOf).get("realised"))).isEqualTo(money(total(before).get("realised")));
        assertThat(money(total(live).get("realised"))).isEqualTo(money(total(before).get("realised")) + 300_000);
        assertThat(get(SUMMARY + "&asOf=2001-01-01T00:00:00Z").getBody()).extracting(s -> rows(s).size())
                .as("no organisation was registered yet").isEqualTo(0);
    }

    @Test
    void aKabupatenAuditorReadsEveryOpdOfItAndTheSummaryButWritesNothing() {
        TestRestTemplate auditor = as("inspektur-sukamaju");
        for (String org : List.of(DINAS, KECAMATAN, BADAN)) {
            assertThat(auditor.exchange("/api/v1/organisations/" + org + "/audit/events", HttpMethod.GET, null,
                    String.class).getStatusCode()).as(org).isEqualTo(HttpStatus.OK);
        }
        assertThat(auditor.exchange("/api/v1/organisations/" + DINAS + "/reports/budget-realisation?year=" + YEAR,
                HttpMethod.GET, null, JSON).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(auditor.exchange(SUMMARY, HttpMethod.GET, null, JSON).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(auditor.exchange("/api/v1/kabupaten", HttpMethod.GET, null, LIST).getBody())
                .extracting(k -> k.get("id")).containsExactly(KABUPATEN);
        assertThat(auditor.exchange("/api/v1/organisations", HttpMethod.GET, null, LIST).getBody())
                .extracting(o -> o.get("organisationId")).contains(DINAS, KECAMATAN, BADAN).doesNotContain(OUTSIDE);

        assertThat(auditor.exchange("/api/v1/organisations/" + OUTSIDE + "/reports/budget-realisation?year=" + YEAR,
                HttpMethod.GET, null, JSON).getStatusCode()).as("another kabupaten").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> spend = auditor.exchange("/api/v1/organisations/" + DINAS + "/budgets/"
                + YEAR + "/realisations", HttpMethod.POST, new HttpEntity<>(Map.of("lineId", "1", "amount", 1_000,
                "date", YEAR + "-06-01", "document", "SP2D-X")), JSON);
        assertThat(spend.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> target = auditor.exchange("/api/v1/organisations/" + DINAS
                + "/indicators/IKU-A1/targets/2025", HttpMethod.PUT, new HttpEntity<>(Map.of("value", 4, "reason",
                "uji")), JSON);
        assertThat(target.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aKabupatenPlannerPlansInItsOpdButNowhereElseAndRecordsNoRealisation() {
        TestRestTemplate bappeda = as("bappeda-sukamaju");
        ResponseEntity<Map<String, Object>> target = bappeda.exchange("/api/v1/organisations/" + DINAS
                + "/indicators/IKU-A1/targets/2025", HttpMethod.PUT, new HttpEntity<>(Map.of("value", 4, "reason",
                "Renja 2025", "legalBasis", "Perbup 1/2025")), JSON);
        assertThat(target.getStatusCode().is2xxSuccessful()).as(String.valueOf(target.getBody())).isTrue();
        ResponseEntity<Map<String, Object>> spend = bappeda.exchange("/api/v1/organisations/" + DINAS + "/budgets/"
                + YEAR + "/realisations", HttpMethod.POST, new HttpEntity<>(Map.of("lineId", "1", "amount", 1_000,
                "date", YEAR + "-06-01", "document", "SP2D-Y")), JSON);
        assertThat(spend.getStatusCode()).as("recording spending is the treasurer's").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> outside = bappeda.exchange("/api/v1/organisations/" + OUTSIDE
                + "/budgets/2025", HttpMethod.POST, new HttpEntity<>(oneLineBudget()), JSON);
        assertThat(outside.getStatusCode()).as("another kabupaten's OPD").isEqualTo(HttpStatus.FORBIDDEN);
        HttpHeaders yaml = new HttpHeaders();
        yaml.setContentType(MediaType.parseMediaType("application/yaml"));
        ResponseEntity<Map<String, Object>> reimport = bappeda.exchange("/api/v1/imports/lkjip", HttpMethod.POST,
                new HttpEntity<>(KabupatenFixtures.dinas().getBytes(StandardCharsets.UTF_8), yaml), JSON);
        assertThat(reimport.getStatusCode().is2xxSuccessful()).as("an import of its OPD's file: "
                + reimport.getBody()).isTrue();
        ResponseEntity<Map<String, Object>> foreign = bappeda.exchange("/api/v1/imports/lkjip", HttpMethod.POST,
                new HttpEntity<>(KabupatenFixtures.outside().getBytes(StandardCharsets.UTF_8), yaml), JSON);
        assertThat(foreign.getStatusCode()).as("an import for another kabupaten's OPD")
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aUserOfOneOpdGetsForbiddenOnTheSummaryAndCannotReadTheOtherOpd() {
        TestRestTemplate planner = as("perencana-dinas");
        ResponseEntity<Map<String, Object>> summary = planner.exchange(SUMMARY, HttpMethod.GET, null, JSON);
        assertThat(summary.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(summary.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(planner.exchange(SUMMARY + "&format=xlsx", HttpMethod.GET, null, byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(planner.exchange("/api/v1/kabupaten", HttpMethod.GET, null, LIST).getBody()).isEmpty();
        assertThat(planner.exchange("/api/v1/organisations/" + DINAS + "/reports/budget-realisation?year=" + YEAR,
                HttpMethod.GET, null, JSON).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(planner.exchange("/api/v1/organisations/" + KECAMATAN + "/reports/budget-realisation?year="
                + YEAR, HttpMethod.GET, null, JSON).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anUnknownKabupatenIsA404Problem() {
        ResponseEntity<Map<String, Object>> r = get("/api/v1/kabupaten/tidak-ada/reports/summary?year=" + YEAR);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(r.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(r.getBody()).containsEntry("code", "UNKNOWN_KABUPATEN");
    }

    @Test
    void theListNamesEachKabupatenWithItsNumberOfOrganisations() {
        List<Map<String, Object>> list = http.exchange("/api/v1/kabupaten", HttpMethod.GET, null, LIST).getBody();
        assertThat(list).contains(Map.of("id", KABUPATEN, "name", "Kabupaten Sukamaju", "organisations", 3),
                Map.of("id", OTHER_KABUPATEN, "name", "Sukamundur", "organisations", 1));
    }

    @Test
    void aKabupatenGrantIsNeverAdminAndNamesAKabupatenId() {
        ResponseEntity<Map<String, Object>> admin = post("/api/v1/users", Map.of("username", "admin-sukamaju",
                "password", "admin-sukamaju-password-1", "roles", List.of(Map.of("role", "ADMIN", "organisation",
                        "kab:" + KABUPATEN))));
        assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        ResponseEntity<Map<String, Object>> notASlug = post("/api/v1/users", Map.of("username", "salah-sukamaju",
                "password", "salah-sukamaju-password-1", "roles", List.of(Map.of("role", "AUDITOR", "organisation",
                        "kab:Suka Maju"))));
        assertThat(notASlug.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void theSummaryDownloadsAsXlsxCsvAndPdfWithTheSameFigures() throws Exception {
        Map<String, Object> summary = get(SUMMARY).getBody();
        ResponseEntity<byte[]> xlsx = http.exchange(SUMMARY + "&format=xlsx", HttpMethod.GET, null, byte[].class);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet sheet = book.getSheetAt(0);
            Row totalRow = null;
            int opdRows = 0;
            for (Row r : sheet) {
                String first = r.getCell(0) == null ? "" : r.getCell(0).toString();
                if (rows(summary).stream().anyMatch(o -> o.get("organisationId").equals(first))) {
                    opdRows++;
                    Map<String, Object> o = row(summary, first);
                    if (o.get("budget") != null) {
                        assertThat((long) r.getCell(2).getNumericCellValue()).isEqualTo(money(o.get("budget")));
                    }
                }
                if ("Jumlah".equals(first)) {
                    totalRow = r;
                }
            }
            assertThat(opdRows).isEqualTo(rows(summary).size());
            assertThat(totalRow).as("a total row").isNotNull();
            assertThat((long) totalRow.getCell(2).getNumericCellValue()).isEqualTo(money(total(summary).get("budget")));
            assertThat((long) totalRow.getCell(3).getNumericCellValue())
                    .isEqualTo(money(total(summary).get("realised")));
        }
        ResponseEntity<String> csv = http.exchange(SUMMARY + "&format=csv", HttpMethod.GET, null, String.class);
        assertThat(csv.getBody()).contains(DINAS).contains(String.valueOf(money(total(summary).get("budget"))));
        ResponseEntity<byte[]> pdf = http.exchange(SUMMARY + "&format=pdf", HttpMethod.GET, null, byte[].class);
        assertThat(new String(pdf.getBody(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }
}
