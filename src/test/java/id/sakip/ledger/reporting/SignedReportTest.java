package id.sakip.ledger.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import id.sakip.ledger.LedgerApiTest;
import id.sakip.ledger.shared.IndonesianFormat;
import id.sakip.ledger.shared.LedgerClock;
import id.sakip.ledger.web.PageSession;

/** The Jiken 2023 report downloads in a shape an office can sign and an auditor can read figure by figure. */
class SignedReportTest extends LedgerApiTest {

    private static final String SIGNED = "kec-ttd";

    @BeforeEach
    void importJikenTwiceOnceWithItsSigner() {
        assertThat(postJikenImport().getStatusCode().is2xxSuccessful()).isTrue();
        String yaml = new String(jikenYaml(), StandardCharsets.UTF_8).replace("id: kec-jiken", "id: " + SIGNED)
                .replace("  head: Camat\n", "  head: Camat\n  head_name: Budi Santoso, S.Sos\n"
                        + "  head_nip: 19700101 199503 1 001\n  report_place: Jiken\n");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        assertThat(post("/api/v1/imports/lkjip", yaml.getBytes(StandardCharsets.UTF_8), headers).getStatusCode()
                .is2xxSuccessful()).isTrue();
        awaitProjections();
    }

    private byte[] download(String path) {
        ResponseEntity<byte[]> r = http.exchange(path, HttpMethod.GET, null, byte[].class);
        assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    private static List<String> pages(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        List<String> pages = new ArrayList<>();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            pages.add(extractor.getTextFromPage(page).replaceAll("\\s+", " "));
        }
        reader.close();
        return pages;
    }

    @Test
    void table34PrintsItsFinalYearAsAYearInTheSpreadsheetAndThePdf() throws IOException {
        String path = "/api/v1/organisations/kec-jiken/reports/renstra-progress?year=2023&format=";
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(path + "xlsx")))) {
            Sheet sheet = book.getSheetAt(0);
            Row header = sheet.getRow(3);
            int finalYear = -1;
            for (Cell c : header) {
                if (c.getStringCellValue().equals("Tahun akhir")) {
                    finalYear = c.getColumnIndex();
                }
            }
            Cell year = sheet.getRow(4).getCell(finalYear);
            assertThat(year.getNumericCellValue()).isEqualTo(2026d);
            assertThat(year.getCellStyle().getDataFormatString()).isEqualTo("0");
        }
        String pdf = String.join(" ", pages(download(path + "pdf")));
        assertThat(pdf).contains(" 2026 ").doesNotContain("2.026");
    }

    @Test
    void thePdfNamesTheOrganisationTheMomentAndThePagesAndEndsWithItsHeadsSignature() throws IOException {
        clock.advanceSeconds(1);
        java.time.Instant asOf = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        clock.advanceSeconds(90);
        byte[] pdf = download("/api/v1/organisations/" + SIGNED + "/reports/budget-realisation?year=2023&format=pdf&asOf="
                + asOf);
        java.nio.file.Path shots = java.nio.file.Path.of("target", "screenshots");
        java.nio.file.Files.createDirectories(shots);
        java.nio.file.Files.write(shots.resolve("tabel-3.9-bertanda-tangan.pdf"), pdf);
        List<String> pages = pages(pdf);
        String generated = IndonesianFormat.time(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        for (int p = 0; p < pages.size(); p++) {
            assertThat(pages.get(p)).contains("Kecamatan Jiken", "Keadaan per " + IndonesianFormat.time(asOf),
                    "dibuat " + generated.substring(0, 16), "Halaman " + (p + 1) + " dari " + pages.size());
        }
        assertThat(pages.get(pages.size() - 1)).contains(
                "Jiken, " + IndonesianFormat.longDate(LedgerClock.today(clock)), "Camat Jiken", "Budi Santoso, S.Sos",
                "NIP. 19700101 199503 1 001");
    }

    @Test
    void withoutAHeadInItsDataTheReportLeavesLinesToSignOn() throws IOException {
        List<String> pages = pages(download(
                "/api/v1/organisations/kec-jiken/reports/efficiency?year=2023&format=pdf"));
        assertThat(pages.get(pages.size() - 1)).contains("Keadaan per terkini", "Camat Jiken",
                "NIP. ..............................");
    }

    @Test
    void theWholeReportSpreadsheetHasNoEmptySheetAndNoNameEndingInASpace() throws IOException {
        PageSession session = PageSession.signIn(anonymous, "admin", ADMIN_PASSWORD);
        ResponseEntity<byte[]> r = session.get("/org/kec-jiken/laporan/2023/unduh?tabel=semua&format=xlsx",
                byte[].class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.getBody()))) {
            assertThat(book.getNumberOfSheets()).isGreaterThanOrEqualTo(6);
            for (Sheet sheet : book) {
                assertThat(sheet.getSheetName()).as("sheet name").isEqualTo(sheet.getSheetName().strip());
                assertThat(sheet.getLastRowNum()).as("rows of " + sheet.getSheetName()).isGreaterThan(3);
            }
            Sheet lines = book.getSheetAt(0);
            Row first = lines.getRow(4);
            assertThat(first.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(first.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        }
    }

    @Test
    void reconciliationDifferencesAreAtThePrintedPrecisionAndComputedPercentagesKeepTwoDecimals() {
        PageSession session = PageSession.signIn(anonymous, "admin", ADMIN_PASSWORD);
        String page = session.get("/org/kec-jiken/laporan/2023", String.class).getBody();
        Matcher rows = Pattern.compile("<td class=\"num\">([^<]*)</td><td class=\"num\">([^<]*)</td>"
                + "<td class=\"num\">([^<]*)</td>").matcher(page);
        List<List<String>> found = new ArrayList<>();
        while (rows.find()) {
            found.add(List.of(rows.group(1), rows.group(2), rows.group(3)));
        }
        assertThat(found).contains(List.of("104", "104,68", "-1"), List.of("95,55", "96,17", "-0,62"),
                List.of("99,99%", "100,00", "-0,01"), List.of("1.925.000.000", "1.923.000.000", "2.000.000"));
    }

    @Test
    void theChartsNameTheProgramsAndShowTheirScale() {
        PageSession session = PageSession.signIn(anonymous, "admin", ADMIN_PASSWORD);
        String page = session.get("/org/kec-jiken/laporan/2023", String.class).getBody();
        Matcher labels = Pattern.compile("class=\"program-label\">([^<]*)<").matcher(page);
        List<String> programs = new ArrayList<>();
        while (labels.find()) {
            programs.add(labels.group(1));
        }
        assertThat(programs).hasSize(6).allSatisfy(p -> assertThat(p).doesNotStartWith("Program ").contains(". Program "));
        assertThat(programs.get(0)).startsWith("1. Program Penunjang Urusan Pemerintahan Daerah");
        Matcher axis = Pattern.compile("<g class=\"axis\">(.*?)</g>", Pattern.DOTALL).matcher(page);
        assertThat(axis.find()).as("a target chart with an axis").isTrue();
        assertThat(axis.group(1)).contains(">0</text>").containsPattern(">\\d+,\\d{2}</text>");
    }
}
