package id.sakip.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import id.sakip.ledger.LedgerApiTest;
import id.sakip.ledger.shared.LedgerClock;

/**
 * The pages driven in Debian's headless Chromium: a treasurer signs in, records a realisation, is
 * refused an overspend with a readable Indonesian message; an auditor opens a report as of an earlier
 * moment and the verification page. Screenshots go to {@code target/screenshots/}.
 */
@EnabledIf("browserInstalled")
class BrowserFlowTest extends LedgerApiTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static WebDriver browser;

    @LocalServerPort
    int port;

    static boolean browserInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!installed) {
            System.out.println("Browser tests skipped: install Debian's chromium and chromium-driver (.ci/run does)");
        }
        return installed;
    }

    @BeforeAll
    static void startBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(),
                options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private void signIn(String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
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
        browser.findElement(By.id("record")).click();
        assertThat(browser.findElement(By.id("recorded")).getText()).contains("tercatat");
        assertThat(browser.findElement(By.id("total-realised")).getText()).isEqualTo("1.000.000");
        screenshot("treasurer-recorded");

        browser.findElement(By.id("amount")).sendKeys("500.002");
        browser.findElement(By.id("document")).sendKeys("SP2D-0002");
        browser.findElement(By.id("record")).click();
        String refusal = browser.findElement(By.id("refusal")).getText();
        assertThat(refusal).contains("melebihi sisa pagu Rp 500.000").contains("terlampaui Rp 2");
        screenshot("treasurer-refused");

        browser.findElement(By.linkText("Penyediaan Bahan Logistik Kantor")).click();
        assertThat(browser.getPageSource()).doesNotContain("<script>alert").contains("&lt;script&gt;");
        screenshot("treasurer-line-history");
    }

    @Test
    void anAuditorSeesAReportAsOfAnEarlierMomentAndTheVerification() throws Exception {
        HttpHeaders yaml = new HttpHeaders();
        yaml.setContentType(MediaType.parseMediaType("application/yaml"));
        post("/api/v1/imports/lkjip", jikenYaml(), yaml);
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
        assertThat(browser.findElement(By.id("reconciliation")).getText()).contains("table_3_9_budget_realisation");
        screenshot("auditor-report");
        browser.get("http://localhost:" + port + "/org/kec-jiken/laporan/2023?asOf=" + before);
        assertThat(browser.findElement(By.id("as-of-note")).getText()).contains("Seperti yang diketahui");
        assertThat(browser.findElement(By.id("report-realised")).getText()).isEqualTo("1.849.985.878");
        screenshot("auditor-report-as-of");
        browser.get("http://localhost:" + port + "/org/kec-jiken/laporan/2023?asOf=2020-01-01T00:00");
        assertThat(browser.getPageSource()).doesNotContain("report-realised");
        browser.get("http://localhost:" + port + "/verifikasi");
        assertThat(browser.findElement(By.id("verified")).getText()).isEqualTo("TERVERIFIKASI");
        assertThat(browser.findElement(By.id("head-hash")).getText()).hasSize(64);
        screenshot("auditor-verification");
    }
}
