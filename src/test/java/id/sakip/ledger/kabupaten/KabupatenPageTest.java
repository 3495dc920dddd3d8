package id.sakip.ledger.kabupaten;

import static id.sakip.ledger.kabupaten.KabupatenFixtures.BADAN;
import static id.sakip.ledger.kabupaten.KabupatenFixtures.DINAS;
import static id.sakip.ledger.kabupaten.KabupatenFixtures.KABUPATEN;
import static id.sakip.ledger.kabupaten.KabupatenFixtures.KECAMATAN;
import static id.sakip.ledger.kabupaten.KabupatenFixtures.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import id.sakip.ledger.web.BrowserTest;
import id.sakip.ledger.web.Chromium;
import id.sakip.ledger.web.PageSession;

/**
 * The kabupaten page in headless Chromium: an Inspektorat auditor of the kabupaten opens it from the
 * home page, sees every OPD in a table that sorts by a column, the monthly absorption chart and the
 * OPD furthest behind, and downloads the summary; a user of one OPD is refused it.
 */
@EnabledIf("id.sakip.ledger.web.Chromium#installed")
class KabupatenPageTest extends BrowserTest {

    private static final String AUDITOR = "pemeriksa-sukamaju";
    private static final String OPD_USER = "bendahara-dinas-sukamaju";
    private static boolean recorded;


    @BeforeAll
    static void startBrowser() {
        openBrowser(1280);
    }

    @BeforeEach
    void kabupaten() {
        if (recorded) {
            return;
        }
        KabupatenSummaryTest.importFile(http, KabupatenFixtures.dinas());
        KabupatenSummaryTest.importFile(http, KabupatenFixtures.kecamatan());
        KabupatenSummaryTest.importFile(http, KabupatenFixtures.badan());
        for (Map<String, Object> user : List.of(Map.<String, Object>of("username", AUDITOR, "role", "AUDITOR",
                "organisation", "kab:" + KABUPATEN), Map.<String, Object>of("username", OPD_USER, "role", "TREASURER",
                "organisation", DINAS))) {
            ResponseEntity<Map<String, Object>> r = post("/api/v1/users", Map.of("username", user.get("username"),
                    "password", user.get("username") + "-password-1", "roles", List.of(Map.of("role",
                            user.get("role"), "organisation", user.get("organisation")))));
            assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.CREATED);
        }
        awaitProjections();
        recorded = true;
    }

    private void screenshot(String name) throws Exception {
        Chromium.screenshot(browser, name);
    }

    private void click(By element) {
        Chromium.submit(browser, element);
    }

    private List<String> rowIds() {
        return browser.findElements(By.cssSelector("#kabupaten-summary tbody tr[id^=row-]")).stream()
                .map(r -> r.getAttribute("id").substring("row-".length())).toList();
    }

    @Test
    void aKabupatenAuditorOpensTheSummaryFromTheHomePageSortsItAndSeesTheChart() throws Exception {
        Chromium.signIn(browser, "http://localhost:" + port, AUDITOR, AUDITOR + "-password-1");
        assertThat(browser.getPageSource()).contains("Dinas Pendidikan Sukamaju").contains("Kecamatan Sukamaju");
        browser.get(browser.findElement(By.id("kabupaten-" + KABUPATEN)).getAttribute("href")
                .replaceAll("/\\d{4}$", "/" + YEAR));

        assertThat(browser.findElement(By.id("kabupaten-name")).getText()).isEqualTo("Kabupaten Sukamaju");
        assertThat(rowIds()).containsExactlyInAnyOrder(DINAS, KECAMATAN, BADAN);
        Map<String, Object> summary = get("/api/v1/kabupaten/" + KABUPATEN + "/reports/summary?year=" + YEAR)
                .getBody();
        @SuppressWarnings("unchecked")
        Map<String, Object> total = (Map<String, Object>) summary.get("total");
        assertThat(browser.findElement(By.id("total-budget")).getText())
                .isEqualTo(String.format(java.util.Locale.GERMANY, "%,d", ((Number) total.get("budget")).longValue()));
        assertThat(browser.findElement(By.id("monthly-line")).getAttribute("points").split(" ")).hasSize(12);
        assertThat(browser.findElement(By.id("furthest-behind")).getText()).contains("Kecamatan Sukamaju");
        screenshot("kabupaten-summary");

        click(By.id("sort-serapan"));
        List<String> ascending = rowIds();
        click(By.id("sort-serapan"));
        List<String> descending = rowIds();
        assertThat(ascending.get(ascending.size() - 1)).as("no budget sorts last").isEqualTo(BADAN);
        assertThat(descending.get(descending.size() - 1)).as("no budget sorts last either way").isEqualTo(BADAN);
        assertThat(descending.subList(0, 2)).containsExactlyElementsOf(List.of(ascending.get(1), ascending.get(0)));
        assertThat(descending.get(0)).as("the dinas spent the larger share").isEqualTo(DINAS);
        screenshot("kabupaten-summary-sorted");
        assertThat(browser.findElement(By.id("download-xlsx")).getAttribute("href")).contains("format=xlsx");
    }

    @Test
    void thePageDownloadsOpenAndAUserOfOneOpdIsRefusedThePage() throws Exception {
        PageSession auditor = PageSession.signIn(anonymous, AUDITOR, AUDITOR + "-password-1");
        ResponseEntity<byte[]> xlsx = auditor.get("/kabupaten/" + KABUPATEN + "/" + YEAR + "/unduh?format=xlsx",
                byte[].class);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            assertThat(book.getNumberOfSheets()).isGreaterThanOrEqualTo(1);
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains("Ringkasan OPD");
        }
        assertThat(auditor.get("/kabupaten/" + KABUPATEN + "/" + YEAR + "/unduh?format=csv", String.class).getBody())
                .contains(DINAS);
        assertThat(auditor.get("/kabupaten/" + KABUPATEN + "/" + YEAR + "/unduh?format=pdf", byte[].class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        PageSession opd = PageSession.signIn(anonymous, OPD_USER, OPD_USER + "-password-1");
        assertThat(opd.get("/kabupaten/" + KABUPATEN + "/" + YEAR, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(opd.get("/", String.class).getBody()).doesNotContain("kabupaten-" + KABUPATEN);
    }
}
