package id.sakip.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.sakip.ledger.shared.LedgerClock;

/**
 * The pages of everyday work in Debian's headless Chromium: the audit trail as a ledger (one readable
 * row per event, 50 per page, kinds by Indonesian name, value dates, stories), an Indonesian error
 * page, the report on a 390 px phone and on paper, verification with a saved digest, and the home page
 * of a fresh installation. Screenshots go to {@code target/screenshots/}.
 */
@EnabledIf("id.sakip.ledger.web.Chromium#installed")
class EverydayPagesBrowserTest extends BrowserTest {



    @BeforeAll
    static void startBrowser() {
        openBrowser(1366);
    }

    private void screenshot(String name) throws Exception {
        Chromium.screenshot(browser, name);
    }

    private void signIn(String user, String password) {
        Chromium.signIn(browser, url(""), user, password);
    }

    private void submit(By element) {
        Chromium.submit(browser, element);
    }

    private long number(String script) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(script)).longValue();
    }

    private String script(String script) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(script));
    }

    private void width(int width) {
        browser.manage().window().setSize(new Dimension(width, 900));
    }

    /** Whether the page as a whole is wider than the window, i.e. scrolls sideways. */
    private boolean pageScrollsSideways() {
        String wider = "return document.documentElement.scrollWidth > document.documentElement.clientWidth";
        try {
            new WebDriverWait(browser, Duration.ofSeconds(3)).until(d -> !(Boolean) ((JavascriptExecutor) d)
                    .executeScript(wider));
            return false;
        } catch (org.openqa.selenium.TimeoutException wide) {
            return true;
        }
    }

    @Test
    void theAuditTrailReadsLikeALedgerFiftyEventsAPage() throws Exception {
        LocalDate today = LocalDate.ofInstant(clock.instant(), LedgerClock.WIB);
        int year = today.getYear();
        post("/api/v1/organisations/kec-halaman/budgets/" + year, oneLineBudget());
        for (int i = 0; i < 55; i++) {
            LocalDate date = i < 5 ? LocalDate.of(year, 1, 1) : today;
            assertThat(post("/api/v1/organisations/kec-halaman/budgets/" + year + "/realisations", Map.of(
                    "lineId", "1", "amount", 1_000 + i, "date", date.toString(), "document", "SP2D-" + i))
                    .getStatusCode().is2xxSuccessful()).isTrue();
        }
        awaitProjections();
        width(1366);
        signIn("admin", ADMIN_PASSWORD);

        browser.get(url("/org/kec-halaman/audit"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#events tbody tr"));
        assertThat(rows).hasSize(50);
        assertThat(rows.get(0).getText()).contains("Anggaran ditetapkan").contains("Anggaran (DPA) tahun " + year);
        assertThat(rows.get(1).getText()).contains("Realisasi anggaran dicatat")
                .contains("Realisasi Rp 1.000 dicatat pada baris 1 L, SP2D-0, tanggal 01-01-" + year)
                .contains("admin").contains("Administrator").contains("WIB");
        String hash = rows.get(1).findElement(By.cssSelector("td.hash code")).getText();
        assertThat(hash).hasSize(12).matches("[0-9a-f]+");
        assertThat(rows.get(1).findElement(By.cssSelector("button.copy")).getAttribute("data-copy"))
                .hasSize(64).startsWith(hash);
        assertThat(pageScrollsSideways()).as("the audit trail scrolls sideways at 1366 px").isFalse();
        screenshot("audit-trail-1366");

        submit(By.id("next-page"));
        assertThat(browser.findElements(By.cssSelector("#events tbody tr"))).hasSize(6);
        assertThat(browser.findElement(By.id("page-number")).getText()).isEqualTo("Halaman 2 · peristiwa 51–56");
        assertThat(browser.findElements(By.id("next-page"))).isEmpty();
        submit(By.id("previous-page"));
        assertThat(browser.findElements(By.cssSelector("#events tbody tr"))).hasSize(50);

        browser.findElement(By.id("jenis")).sendKeys("realisasi");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('nilaiDari').value='" + year
                + "-01-01'; document.getElementById('nilaiSampai').value='" + year + "-01-01';");
        submit(By.id("filter"));
        rows = browser.findElements(By.cssSelector("#events tbody tr"));
        assertThat(rows).hasSize(5).allSatisfy(r -> assertThat(r.getText()).contains("Realisasi anggaran dicatat")
                .contains("tanggal 01-01-" + year));
        screenshot("audit-trail-filtered");

        submit(By.cssSelector("#events tbody tr a.story"));
        assertThat(browser.findElement(By.id("line-name")).getText()).isEqualTo("1 L");
        assertThat(browser.findElement(By.id("line-history")).getText()).contains("Realisasi dicatat")
                .contains("dokumen SP2D-0").doesNotContain("entryId").doesNotContain("REALISATION_RECORDED");
        assertThat(pageScrollsSideways()).isFalse();
        screenshot("line-history");
        submit(By.id("back-to-budget"));
        assertThat(browser.getCurrentUrl()).endsWith("/org/kec-halaman/anggaran/" + year);
    }

    @Test
    void aTreasurerOnAnAdministratorsPageSeesAnIndonesianRefusal() throws Exception {
        post("/api/v1/users", Map.of("username", "bendahara-tolak", "password", "bendahara-tolak-1", "roles",
                List.of(Map.of("role", "TREASURER", "organisation", "kec-jiken"))));
        width(1366);
        signIn("bendahara-tolak", "bendahara-tolak-1");
        browser.get(url("/admin/proyeksi"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Akses ditolak");
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel");
        screenshot("error-403");
        browser.get(url("/halaman-yang-tidak-ada"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Halaman tidak ditemukan");
        screenshot("error-404");
    }

    @Test
    void onAPhoneTablesScrollInTheirOwnBoxAndOnPaperTheReportHasNoNavigationFormsOrDownloads() throws Exception {
        postJikenImport();
        awaitProjections();
        signIn("admin", ADMIN_PASSWORD);
        width(1366);
        browser.get(url("/org/kec-jiken/anggaran/2023"));
        assertThat(script("return navigator.language")).startsWith("id");
        assertThat(script("return Intl.DateTimeFormat().resolvedOptions().locale"))
                .as("Chromium's own locale, which writes the date field (Debian's chromium-l10n)").startsWith("id");
        assertThat(script("return new Intl.DateTimeFormat(undefined, {day: '2-digit', month: '2-digit', "
                + "year: 'numeric'}).format(new Date(2023, 11, 31))")).isEqualTo("31/12/2023");
        LocalDate realisationDate = LocalDate.parse(browser.findElement(By.id("date")).getAttribute("value"));
        assertThat(realisationDate).as("a new realisation's date in the 2023 budget")
                .isBetween(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31));
        screenshot("budget-date-id");
        width(390);
        for (String page : List.of("/org/kec-jiken/laporan/2023", "/org/kec-jiken/anggaran/2023",
                "/org/kec-jiken/audit", "/")) {
            browser.get(url(page));
            assertThat(pageScrollsSideways()).as("%s scrolls sideways at 390 px (%s px wide in %s px): %s", page,
                    number("return document.documentElement.scrollWidth"), number("return document.documentElement.clientWidth"),
                    ((JavascriptExecutor) browser).executeScript("return [...document.querySelectorAll('body *')]"
                            + ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
                            + ".slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id + ' '"
                            + " + Math.round(e.getBoundingClientRect().right)).join('; ')")).isFalse();
        }
        browser.get(url("/org/kec-jiken/laporan/2023"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Kecamatan Jiken")
                .doesNotContain("kec-jiken");
        assertThat(number("return Math.max(...[...document.querySelectorAll('main table')]"
                + ".map(t => t.scrollWidth - t.clientWidth))")).as("a wide table scrolls inside its box")
                .isPositive();
        screenshot("report-390");

        width(1366);
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            browser.get(url("/org/kec-jiken/laporan/2023"));
            for (String hidden : List.of("header.top", "form", ".downloads")) {
                assertThat(browser.findElements(By.cssSelector(hidden))).as(hidden).isNotEmpty()
                        .allSatisfy(e -> assertThat(e.isDisplayed()).as("%s on paper", hidden).isFalse());
            }
            assertThat(browser.findElement(By.id("report-realised")).isDisplayed()).isTrue();
            screenshot("report-print");
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void anAuditorUploadsASavedDigestAndSeesTheVerdict() throws Exception {
        Map<String, Object> digest = get("/api/v1/audit/digest").getBody();
        Path saved = Files.createTempFile("ledger-digest", ".json");
        Files.write(saved, new ObjectMapper().writeValueAsBytes(digest));
        Map<String, Object> forged = new java.util.HashMap<>(digest);
        forged.put("headHash", "0".repeat(64));
        Path wrong = Files.createTempFile("forged-digest", ".json");
        Files.write(wrong, new ObjectMapper().writeValueAsBytes(forged));
        Path notADigest = Files.createTempFile("not-a-digest", ".json");
        Files.writeString(notADigest, "bukan json");
        width(1366);
        signIn("admin", ADMIN_PASSWORD);

        browser.get(url("/verifikasi"));
        browser.findElement(By.id("digest-file")).sendKeys(saved.toAbsolutePath().toString());
        submit(By.id("check-digest"));
        assertThat(browser.findElement(By.id("digest-verdict")).getText()).startsWith("COCOK")
                .contains("urutan " + digest.get("headSequence"));
        screenshot("verification-digest-ok");

        browser.findElement(By.id("digest-file")).sendKeys(wrong.toAbsolutePath().toString());
        submit(By.id("check-digest"));
        assertThat(browser.findElement(By.id("digest-verdict")).getText()).startsWith("TIDAK COCOK")
                .contains("log tidak lagi memuat digest");
        assertThat(browser.findElement(By.id("verified")).getText()).as("the log itself is still verified")
                .isEqualTo("TERVERIFIKASI");
        screenshot("verification-digest-forged");

        browser.findElement(By.id("digest-file")).sendKeys(notADigest.toAbsolutePath().toString());
        submit(By.id("check-digest"));
        assertThat(browser.findElement(By.id("digest-error")).getText()).contains("bukan digest");
    }

    @Test
    void anEmptyHomePageOffersTheShippedExampleAndTheHomePageOffersTheYearsThatExist() throws Exception {
        post("/api/v1/users", Map.of("username", "perencana-baru", "password", "perencana-baru-1", "roles",
                List.of(Map.of("role", "PLANNER", "organisation", "kec-belum-ada"))));
        width(1366);
        signIn("perencana-baru", "perencana-baru-1");
        browser.get(url("/"));
        assertThat(browser.findElement(By.id("load-sample")).getText()).isEqualTo("Muat contoh Kecamatan Jiken 2023");
        screenshot("home-empty");

        signIn("admin", ADMIN_PASSWORD);
        PageSession admin = PageSession.signIn(anonymous, "admin", ADMIN_PASSWORD);
        String home = admin.get("/", String.class).getBody();
        var started = admin.postForm("/impor/contoh", home, new org.springframework.util.LinkedMultiValueMap<>(),
                org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED);
        assertThat(started.getHeaders().getLocation().toString()).contains("/impor/proses/");
        String progress = started.getHeaders().getLocation().getPath();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> {
            String page = admin.get(progress, String.class).getBody();
            return page.contains("id=\"import-done\"") || page.contains("id=\"import-failed\"");
        });
        assertThat(admin.get(progress, String.class).getBody()).contains("id=\"import-done\"");
        awaitProjections();
        assertThat(get("/api/v1/organisations/kec-jiken/reports/budget-realisation?year=2023").getBody()
                .get("total").toString()).contains("1923000000");

        browser.get(url("/"));
        WebElement jiken = browser.findElement(By.id("org-kec-jiken"));
        assertThat(jiken.findElements(By.cssSelector("select.years option")))
                .extracting(WebElement::getText).contains("2023");
        screenshot("home-years");
    }
}
