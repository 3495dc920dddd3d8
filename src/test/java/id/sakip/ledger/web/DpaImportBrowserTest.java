package id.sakip.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import id.sakip.ledger.eventstore.metadata.LedgerCommands;
import id.sakip.ledger.organisation.api.RegisterOrganisation;

/**
 * The DPA workbook upload on {@code /impor}, driven in Debian's headless Chromium: a planner previews the
 * template filled with her figures (nothing recorded), sees a bad cell named by sheet, row and column in
 * Indonesian, records the workbook and finds its lines on the budget page; a treasurer and an auditor are
 * refused the import page in Indonesian. Screenshots go to {@code target/screenshots/}.
 */
@EnabledIf("id.sakip.ledger.web.Chromium#installed")
class DpaImportBrowserTest extends BrowserTest {

    private static final String ORG = "dinas-dpa-peramban";
    private static final int YEAR = 2024;


    @Autowired
    LedgerCommands commands;

    @BeforeAll
    static void startBrowser() {
        openBrowser(1280);
    }

    private void submit(By element) {
        Chromium.submit(browser, element);
    }

    private long head() {
        return ((Number) get("/api/v1/audit/verify").getBody().get("headSequence")).longValue();
    }

    /** Whether the page opened scrolled down to the element, its top in the upper half of the window. */
    private boolean scrolledTo(String id) {
        return (Boolean) ((JavascriptExecutor) browser).executeScript("const top = document.getElementById("
                + "arguments[0]).getBoundingClientRect().top; return window.scrollY > 0 && top > -2"
                + " && top < window.innerHeight / 2", id);
    }

    /** The template as the planner downloads it, with its example line changed and a second line added. */
    private static byte[] filled(byte[] template, Consumer<XSSFWorkbook> change) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet lines = book.getSheet("Anggaran");
            lines.getRow(1).getCell(8).setCellValue(1_500_000d);
            lines.getRow(1).getCell(9).setCellValue(250_000d);
            Row second = lines.createRow(2);
            Object[] cells = {2, null, 1, "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 2,
                    "Administrasi Umum Perangkat Daerah", "Penyediaan Bahan Logistik Kantor", "Belanja Barang dan Jasa",
                    2_750_000};
            for (int c = 0; c < cells.length; c++) {
                if (cells[c] instanceof Number n) {
                    second.createCell(c).setCellValue(n.doubleValue());
                } else if (cells[c] != null) {
                    second.createCell(c).setCellValue(cells[c].toString());
                }
            }
            book.getSheet("Realisasi").getRow(1).getCell(3).setCellValue(250_000d);
            change.accept(book);
            book.write(out);
            return out.toByteArray();
        }
    }

    private static Path save(String name, byte[] workbook) throws IOException {
        Path file = Files.createTempDirectory("dpa-peramban").resolve(name);
        Files.write(file, workbook);
        return file;
    }

    private void upload(Path workbook) {
        browser.get(url("/impor"));
        new Select(browser.findElement(By.id("dpa-organisation"))).selectByValue(ORG);
        WebElement year = browser.findElement(By.id("dpa-year"));
        year.clear();
        year.sendKeys(String.valueOf(YEAR));
        browser.findElement(By.id("dpa-file")).sendKeys(workbook.toAbsolutePath().toString());
        submit(By.id("preview-dpa"));
    }

    @Test
    void aPlannerPreviewsTheFilledTemplateSeesABadCellByItsPlaceAndRecordsTheBudget() throws Exception {
        commands.send(new RegisterOrganisation(ORG, "Dinas Pekerjaan Umum", "Blora", "Jawa Tengah", "Kepala Dinas",
                List.of()), new LedgerCommands.Context(ORG, null, null, null));
        post("/api/v1/users", Map.of("username", "perencana-dpa", "password", "perencana-dpa-1", "roles",
                List.of(Map.of("role", "PLANNER", "organisation", ORG))));
        awaitProjections();
        ResponseEntity<byte[]> template = anonymous.withBasicAuth("perencana-dpa", "perencana-dpa-1")
                .getForEntity("/api/v1/imports/dpa/template?year=" + YEAR, byte[].class);
        assertThat(template.getStatusCode()).isEqualTo(HttpStatus.OK);
        Path good = save("dpa-" + YEAR + ".xlsx", filled(template.getBody(), book -> { }));
        Path bad = save("dpa-" + YEAR + "-salah.xlsx", filled(template.getBody(),
                book -> book.getSheet("Realisasi").getRow(1).getCell(3).setCellValue("satu juta")));

        Chromium.signIn(browser, url(""), "perencana-dpa", "perencana-dpa-1");
        long before = head();
        upload(good);
        WebElement preview = browser.findElement(By.id("dpa-preview"));
        assertThat(preview.findElement(By.tagName("h3")).getText())
                .isEqualTo("Pratinjau dpa-" + YEAR + ".xlsx: belum ada yang dicatat");
        assertThat(browser.findElement(By.id("dpa-totals")).getText()).isEqualTo("2 sub kegiatan, anggaran Rp "
                + "4.250.000, realisasi Rp 250.000 dalam 1 entri (0 rekap)");
        List<WebElement> rows = preview.findElements(By.cssSelector("tbody tr"));
        assertThat(rows).extracting(WebElement::getText).containsExactly(
                "1 1. Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota 1. Administrasi Keuangan "
                        + "Perangkat Daerah Penyediaan Gaji dan Tunjangan ASN 1.500.000 250.000 1",
                "2 1. Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota 2. Administrasi Umum Perangkat Daerah "
                        + "Penyediaan Bahan Logistik Kantor 2.750.000 0 0");
        assertThat(head()).as("a preview records nothing").isEqualTo(before);
        assertThat(scrolledTo("dpa-import")).as("the answer opens at the DPA import").isTrue();
        Chromium.screenshot(browser, "planner-dpa-preview");

        upload(bad);
        assertThat(browser.findElement(By.id("dpa-refusal")).getText())
                .isEqualTo("Buku kerja ditolak seluruhnya; tidak ada yang dicatat.");
        assertThat(browser.findElements(By.cssSelector("#dpa-problems tbody tr")))
                .extracting(r -> r.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .contains(List.of("Realisasi", "2", "Jumlah", "bukan angka: 'satu juta'"));
        assertThat(browser.findElements(By.id("dpa-preview"))).isEmpty();
        assertThat(browser.findElements(By.id("confirm-dpa"))).as("nothing offered for recording").isEmpty();
        assertThat(head()).as("a refused workbook records nothing").isEqualTo(before);
        assertThat(scrolledTo("dpa-import")).as("the answer opens at the DPA import").isTrue();
        Chromium.screenshot(browser, "planner-dpa-problems");

        upload(good);
        submit(By.id("confirm-dpa"));
        assertThat(browser.getCurrentUrl()).endsWith("/org/" + ORG + "/anggaran/" + YEAR + "?diimpor");
        assertThat(head()).isGreaterThan(before);
        assertThat(browser.findElement(By.id("dpa-imported")).getText()).startsWith("DPA dari buku kerja tercatat");
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Realisasi anggaran Dinas Pekerjaan Umum tahun " + YEAR);
        assertThat(browser.findElements(By.cssSelector("main table tbody tr"))).extracting(WebElement::getText)
                .contains("1 Penyediaan Gaji dan Tunjangan ASN 1.500.000 250.000 1.250.000 16,67 %",
                        "2 Penyediaan Bahan Logistik Kantor 2.750.000 0 2.750.000 0,00 %");
        assertThat(browser.findElement(By.id("total-budget")).getText()).isEqualTo("4.250.000");
        assertThat(browser.findElement(By.id("total-realised")).getText()).isEqualTo("250.000");
        Chromium.screenshot(browser, "planner-dpa-recorded");
    }

    @Test
    void aTreasurerAndAnAuditorAreRefusedTheImportPageInIndonesian() throws Exception {
        post("/api/v1/users", Map.of("username", "bendahara-dpa", "password", "bendahara-dpa-1", "roles",
                List.of(Map.of("role", "TREASURER", "organisation", ORG))));
        post("/api/v1/users", Map.of("username", "auditor-dpa", "password", "auditor-dpa-1", "roles",
                List.of(Map.of("role", "AUDITOR", "organisation", ORG))));
        awaitProjections();
        for (String user : List.of("bendahara-dpa", "auditor-dpa")) {
            Chromium.signIn(browser, url(""), user, user + "-1");
            for (String page : List.of("/impor", "/impor/templat-dpa?tahun=" + YEAR)) {
                browser.get(url(page));
                assertThat(browser.findElement(By.id("error-page")).getAttribute("data-status")).as(page)
                        .isEqualTo("403");
                assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Akses ditolak");
                assertThat(browser.findElement(By.id("error-explanation")).getText())
                        .startsWith("Peran Anda tidak mengizinkan halaman atau tindakan ini");
                assertThat(browser.getTitle()).contains("Akses ditolak");
                assertThat(browser.getPageSource()).doesNotContain("Whitelabel", "Forbidden", "Access Denied");
            }
        }
        browser.get(url("/impor"));
        Chromium.screenshot(browser, "auditor-import-403");
    }
}
