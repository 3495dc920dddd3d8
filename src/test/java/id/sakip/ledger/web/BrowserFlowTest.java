package id.sakip.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import id.sakip.ledger.shared.LedgerClock;

/**
 * The pages driven in Debian's headless Chromium: a treasurer signs in, records a realisation, is
 * refused an overspend with a readable Indonesian message; a planner imports a file after its preview,
 * amends a target and the budget; an auditor filters events by date, opens a report as of an earlier
 * moment and the verification page; an administrator rebuilds a read model. Screenshots go to {@code target/screenshots/}.
 */
@EnabledIf("id.sakip.ledger.web.Chromium#installed")
class BrowserFlowTest extends BrowserTest {

    @BeforeAll
    static void startBrowser() {
        openBrowser(1280);
    }

    private void screenshot(String name) throws Exception {
        Chromium.screenshot(browser, name);
    }

    private void signIn(String user, String password) {
        Chromium.signIn(browser, "http://localhost:" + port, user, password);
    }

    @Test
    void aTreasurerRecordsARealisationAndIsRefusedAnOverspendInIndonesian() throws Exception {
        int year = java.time.LocalDate.now(LedgerClock.WIB).getYear();
        post("/api/v1/users", Map.of("username", "bendahara", "password", "bendahara-password-1", "roles",
                List.of(Map.of("role", "TREASURER", "organisation", "kec-web"))));
        post("/api/v1/organisations/kec-web/budgets/" + year, Map.of("fund", "APBD", "programs", List.of(Map.of(
                "number", 1, "name", "Program", "activities", List.of(Map.of("number", 1, "name", "Kegiatan",
                        "objective", "S1", "lines", List.of(Map.of("lineId", "1", "number", 1,
                                "name", "Penyediaan Bahan Logistik Kantor", "economicClass", "barang_jasa",
                                "amount", 1_500_000))))))));
        awaitProjections();

        signIn("bendahara", "bendahara-password-1");
        browser.get("http://localhost:" + port + "/org/kec-web/anggaran/" + year);
        new Select(browser.findElement(By.id("lineId"))).selectByValue("1");
        browser.findElement(By.id("amount")).sendKeys("1.000.000");
        browser.findElement(By.id("document")).sendKeys("SP2D-0001");
        browser.findElement(By.id("description")).sendKeys("<script>alert('x')</script>");
        submit(By.id("record"));
        assertThat(browser.findElement(By.id("recorded")).getText()).contains("tercatat");
        assertThat(browser.findElement(By.id("total-realised")).getText()).isEqualTo("1.000.000");
        screenshot("treasurer-recorded");

        browser.findElement(By.id("amount")).sendKeys("500.002");
        browser.findElement(By.id("document")).sendKeys("SP2D-0002");
        submit(By.id("record"));
        String refusal = browser.findElement(By.id("refusal")).getText();
        assertThat(refusal).contains("melebihi sisa pagu Rp 500.000").contains("terlampaui Rp 2");
        screenshot("treasurer-refused");

        submit(By.linkText("Penyediaan Bahan Logistik Kantor"));
        assertThat(browser.getPageSource()).doesNotContain("<script>alert").contains("&lt;script&gt;");
        screenshot("treasurer-line-history");
    }

    @Test
    void anAuditorSeesAReportAsOfAnEarlierMomentAndTheVerification() throws Exception {
        String importDay = java.time.LocalDate.ofInstant(clock.instant(), LedgerClock.WIB).toString();
        postJikenImport();
        post("/api/v1/users", Map.of("username", "inspektur", "password", "inspektur-password-1", "roles",
                List.of(Map.of("role", "AUDITOR", "organisation", "kec-jiken"))));
        awaitProjections();
        clock.advanceSeconds(120);
        String before = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(LedgerClock.WIB)
                .format(clock.instant());
        clock.advanceSeconds(120);

        signIn("inspektur", "inspektur-password-1");
        browser.get("http://localhost:" + port + "/org/kec-jiken/laporan/2023");
        assertThat(browser.findElement(By.id("report-realised")).getText()).isEqualTo("1.849.985.878");
        assertThat(browser.findElement(By.id("reconciliation")).getText()).contains("Tabel 3.9 Realisasi anggaran")
                .doesNotContain("table_3_9_budget_realisation");
        screenshot("auditor-report");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('monthly-line').scrollIntoView()");
        screenshot("report-monthly-chart");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.querySelector('.target-vs-realisation').scrollIntoView()");
        screenshot("report-target-chart");
        browser.get("http://localhost:" + port + "/org/kec-jiken/laporan/2023?asOf=" + before);
        assertThat(browser.findElement(By.id("as-of-note")).getText()).contains("Seperti yang diketahui");
        assertThat(browser.findElement(By.id("report-realised")).getText()).isEqualTo("1.849.985.878");
        screenshot("auditor-report-as-of");
        browser.get("http://localhost:" + port + "/org/kec-jiken/laporan/2023?asOf=2020-01-01T00:00");
        assertThat(browser.getPageSource()).doesNotContain("report-realised");
        String today = java.time.LocalDate.ofInstant(clock.instant(), LedgerClock.WIB).toString();
        browser.get("http://localhost:" + port + "/org/kec-jiken/audit?dari=" + importDay + "&sampai=" + today);
        assertThat(browser.findElement(By.id("events")).getText()).contains("Realisasi anggaran dicatat")
                .doesNotContain("RealisationRecorded");
        screenshot("auditor-events-filtered");
        browser.get("http://localhost:" + port + "/org/kec-jiken/audit?dari=2001-01-01&sampai=2001-01-31");
        assertThat(browser.findElement(By.id("no-events")).getText()).contains("Tidak ada peristiwa");
        browser.get("http://localhost:" + port + "/verifikasi");
        assertThat(browser.findElement(By.id("verified")).getText()).isEqualTo("TERVERIFIKASI");
        assertThat(browser.findElement(By.id("head-hash")).getText()).hasSize(64);
        screenshot("auditor-verification");
    }

    private long head() {
        return ((Number) get("/api/v1/audit/verify").getBody().get("headSequence")).longValue();
    }

    private void waitFor(By element, int seconds) {
        new WebDriverWait(browser, Duration.ofSeconds(seconds)).until(d -> !d.findElements(element).isEmpty());
    }

    @Test
    void aPlannerImportsWithAPreviewAmendsATargetAndAmendsTheBudget() throws Exception {
        post("/api/v1/users", Map.of("username", "perencana", "password", "perencana-password-1", "roles",
                List.of(Map.of("role", "PLANNER", "organisation", "kec-rencana"))));
        Path file = Files.createTempFile("rencana", ".yaml");
        Files.writeString(file, new String(jikenYaml(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("id: kec-jiken", "id: kec-rencana"));

        signIn("perencana", "perencana-password-1");
        browser.get("http://localhost:" + port + "/impor");
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        long beforePreview = head();
        submit(By.id("preview-import"));
        assertThat(browser.findElement(By.id("preview-budget")).getText()).isEqualTo("Rp 1.923.000.000");
        assertThat(browser.findElement(By.id("preview-realised")).getText()).startsWith("Rp 1.849.985.878");
        assertThat(head()).as("a preview records nothing").isEqualTo(beforePreview);
        screenshot("planner-import-preview");
        submit(By.id("confirm-import"));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/impor/proses/"));
        waitFor(By.id("import-done"), 60);
        assertThat(browser.findElement(By.id("import-done")).getText()).contains("peristiwa dicatat");
        assertThat(browser.findElement(By.id("import-phase")).getText()).startsWith("Selesai");
        screenshot("planner-import-done");
        awaitProjections();

        browser.get("http://localhost:" + port + "/org/kec-rencana/renstra");
        assertThat(browser.findElement(By.cssSelector("[data-target='IKU-1-2024']")).getText()).isNotEqualTo("91,50");
        new Select(browser.findElement(By.id("year-IKU-1"))).selectByValue("2024");
        browser.findElement(By.id("value-IKU-1")).sendKeys("91,5");
        submit(By.id("set-IKU-1"));
        String refusal = browser.findElement(By.id("plan-refusal")).getText();
        assertThat(refusal).contains("alasan wajib diisi");
        screenshot("planner-target-refused");
        browser.findElement(By.id("reason-IKU-1")).sendKeys("Penyesuaian hasil evaluasi SAKIP");
        browser.findElement(By.id("basis-IKU-1")).sendKeys("Perbup Blora No. 12 Tahun 2024");
        submit(By.id("set-IKU-1"));
        assertThat(browser.findElement(By.id("plan-message")).getText()).contains("diubah");
        assertThat(browser.findElement(By.cssSelector("[data-target='IKU-1-2024']")).getText()).isEqualTo("91,50");
        screenshot("planner-renstra");
        submit(By.cssSelector("#IKU-1 a"));
        assertThat(browser.findElement(By.id("indicator-history")).getText())
                .contains("Target diubah").contains("Penyesuaian hasil evaluasi SAKIP").contains("91,50")
                .doesNotContain("TARGET_AMENDED");
        screenshot("auditor-indicator-history");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) get(
                "/api/v1/organisations/kec-rencana/reports/budget-realisation?year=2023").getBody().get("lines");
        Map<String, Object> from = lines.stream().filter(l -> ((Number) l.get("remaining")).longValue() >= 1_000_000)
                .findFirst().orElseThrow();
        Map<String, Object> to = lines.stream().filter(l -> l != from).findFirst().orElseThrow();
        long fromBudget = ((Number) from.get("budget")).longValue();
        long toBudget = ((Number) to.get("budget")).longValue();
        browser.get("http://localhost:" + port + "/org/kec-rencana/anggaran/2023");
        submit(By.id("amend-link"));
        new Select(browser.findElement(By.id("kind"))).selectByValue("PERGESERAN");
        browser.findElement(By.id("reason")).sendKeys("Pergeseran antar sub kegiatan");
        browser.findElement(By.id("legalBasis")).sendKeys("Perbup Blora No. 30 Tahun 2023");
        type(By.id("amount-" + from.get("number")), "0");
        submit(By.id("preview-amendment"));
        assertThat(browser.findElement(By.id("preview")).getText()).contains("1 baris berubah");
        assertThat(browser.getPageSource()).contains("di bawah realisasi");
        assertThat(browser.findElement(By.id("preview-below-realised")).getText()).contains("di bawah realisasinya",
                "baris " + from.get("number") + " " + from.get("name"));
        assertThat(browser.findElements(By.id("record-amendment"))).as("not offered for recording").isEmpty();
        screenshot("planner-amendment-refused");

        type(By.id("amount-" + from.get("number")), String.valueOf(fromBudget - 1_000_000));
        type(By.id("amount-" + to.get("number")), String.valueOf(toBudget + 1_000_000));
        long beforeAmendment = head();
        submit(By.id("preview-amendment"));
        assertThat(browser.findElement(By.id("preview-changed")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.id("preview-before")).getText()).isEqualTo("1.923.000.000");
        assertThat(browser.findElement(By.id("preview-after")).getText()).isEqualTo("1.923.000.000");
        assertThat(head()).as("a preview records nothing").isEqualTo(beforeAmendment);
        screenshot("planner-amendment-preview");
        submit(By.id("record-amendment"));
        assertThat(browser.findElement(By.id("amended")).getText()).contains("Perubahan anggaran tercatat");
        assertThat(head()).isEqualTo(beforeAmendment + 1);
        browser.get("http://localhost:" + port + "/org/kec-rencana/laporan/2023");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> browser.findElement(By.id("reconciliation")));
        assertThat(browser.getPageSource()).contains("Pergeseran antar sub kegiatan");
        screenshot("planner-report-after-amendment");
    }

    /** Clicks a button or link that loads a page and waits until the old page is gone. */
    private void submit(By element) {
        Chromium.submit(browser, element);
    }

    private void type(By field, String text) {
        var input = browser.findElement(field);
        input.clear();
        input.sendKeys(text);
    }

    @Test
    void anAdministratorRebuildsAReadModelAndWatchesItsProgress() throws Exception {
        signIn("admin", ADMIN_PASSWORD);
        browser.get("http://localhost:" + port + "/admin/proyeksi");
        submit(By.id("rebuild-budget-books"));
        new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("projection-budget-books")).getText().contains("selesai"));
        assertThat(browser.findElement(By.id("projection-budget-books")).getText()).contains("peristiwa");
        screenshot("admin-rebuild");

        submit(By.id("rebuild-all"));
        new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#projections tbody tr")).stream()
                        .allMatch(row -> row.getText().contains("selesai")));
        assertThat(browser.findElements(By.cssSelector("#projections tbody tr"))).hasSizeGreaterThanOrEqualTo(5);
        screenshot("admin-rebuild-all");
    }
}
