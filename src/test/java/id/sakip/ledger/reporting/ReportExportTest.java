package id.sakip.ledger.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import id.sakip.ledger.LedgerApiTest;
import id.sakip.ledger.web.PageSession;

/** Every report downloads as XLSX with real number cells, as plain CSV and as PDF, with the ledger's figures. */
class ReportExportTest extends LedgerApiTest {

    private static final String REPORTS = "/api/v1/organisations/kec-jiken/reports/";

    @BeforeEach
    void importJiken() {
        assertThat(postJikenImport().getStatusCode().is2xxSuccessful()).isTrue();
        awaitProjections();
    }

    private PageSession pages() {
        return PageSession.signIn(anonymous, "admin", ADMIN_PASSWORD);
    }

    private ResponseEntity<byte[]> download(String path) {
        return http.exchange(path, HttpMethod.GET, null, byte[].class);
    }

    private static XSSFWorkbook workbook(byte[] body) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(body));
    }

    private static Row rowStartingWith(Sheet sheet, int column, String text) {
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + text + " in column " + column + " of " + sheet.getSheetName());
    }

    @Test
    void table39SpreadsheetHoldsNumberCellsWithRupiahAndPercentFormats() throws IOException {
        ResponseEntity<byte[]> r = download(REPORTS + "budget-realisation?year=2023&format=xlsx");
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getHeaders().getContentType().toString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(r.getHeaders().getContentDisposition().getFilename()).isEqualTo("tabel-3.9-kec-jiken-2023.xlsx");
        try (XSSFWorkbook book = workbook(r.getBody())) {
            Sheet lines = book.getSheetAt(0);
            assertThat(lines.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Tabel 3.9 Realisasi anggaran 2023");
            Row total = rowStartingWith(lines, 2, "Jumlah");
            Cell budget = total.getCell(4);
            assertThat(budget.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(budget.getNumericCellValue()).isEqualTo(1_923_000_000d);
            assertThat(budget.getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(total.getCell(5).getNumericCellValue()).isEqualTo(1_849_985_878d);
            assertThat(total.getCell(6).getNumericCellValue()).isEqualTo(73_014_122d);
            Cell absorption = total.getCell(7);
            assertThat(absorption.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(absorption.getNumericCellValue()).isEqualTo(96.20d);
            assertThat(absorption.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            int lineRows = 0;
            for (Row row : lines) {
                if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.NUMERIC) {
                    lineRows++;
                }
            }
            assertThat(lineRows).isEqualTo(29);
            assertThat(book.getSheetAt(2).getRow(0).getCell(0).getStringCellValue())
                    .startsWith("Serapan kumulatif per bulan");
            assertThat(rowStartingWith(book.getSheetAt(2), 0, "Desember").getCell(1).getNumericCellValue())
                    .isEqualTo(1_849_985_878d);
        }
    }

    @Test
    void table33SpreadsheetHasTargetRealisationAndCapaianPerYear() throws IOException {
        ResponseEntity<byte[]> r = download(REPORTS + "indicator-comparison?from=2021&to=2023&format=xlsx");
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (XSSFWorkbook book = workbook(r.getBody())) {
            Sheet sheet = book.getSheetAt(0);
            Row header = rowStartingWith(sheet, 0, "Indikator");
            int capaian2023 = -1;
            for (Cell c : header) {
                if (c.getStringCellValue().equals("Capaian 2023 (%)")) {
                    capaian2023 = c.getColumnIndex();
                }
            }
            assertThat(capaian2023).isPositive();
            Row sakip = rowStartingWith(sheet, 0, "IKU-1");
            assertThat(sakip.getCell(capaian2023).getNumericCellValue()).isEqualTo(96.67d);
            Row skm = rowStartingWith(sheet, 0, "IKU-2");
            assertThat(skm.getCell(capaian2023).getNumericCellValue()).isEqualTo(104.28d);
        }
    }

    @Test
    void csvIsPlainMachineReadableNumbers() {
        ResponseEntity<byte[]> r = download(REPORTS + "efficiency?year=2023&format=csv");
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        List<String> lines = new String(r.getBody(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("Sasaran,Nama sasaran,Capaian kinerja (%),Anggaran (Rp),Realisasi (Rp),"
                + "Serapan (%),Efisiensi (poin),Kategori");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("S1,").contains(",1775815000,1703546918,95.93,0.74,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("S2,").contains(",147185000,146438960,"));
    }

    @Test
    void pdfShowsIndonesianNotation() throws IOException {
        ResponseEntity<byte[]> r = download(REPORTS + "budget-realisation?year=2023&format=pdf");
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        PdfReader reader = new PdfReader(r.getBody());
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        reader.close();
        assertThat(text).contains("Tabel 3.9 Realisasi anggaran 2023", "1.923.000.000", "1.849.985.878", "96,20");
    }

    @Test
    void everyReportEndpointDownloadsInEveryFormat() {
        List<String> endpoints = List.of("budget-realisation?year=2023", "budget-amendments?year=2023",
                "indicator-achievement?year=2023", "indicator-comparison?from=2021&to=2023",
                "renstra-progress?year=2023", "efficiency?year=2023", "reconciliation?year=2023");
        List<String> failures = new ArrayList<>();
        for (String endpoint : endpoints) {
            for (String format : List.of("xlsx", "csv", "pdf")) {
                ResponseEntity<byte[]> r = download(REPORTS + endpoint + "&format=" + format);
                if (r.getStatusCode() != HttpStatus.OK || r.getBody() == null || r.getBody().length < 20
                        || !r.getHeaders().getContentDisposition().getFilename().endsWith("." + format)) {
                    failures.add(endpoint + " " + format + " -> " + r.getStatusCode());
                }
            }
        }
        assertThat(failures).isEmpty();
        ResponseEntity<java.util.Map<String, Object>> json = get(REPORTS + "budget-realisation?year=2023");
        assertThat(json.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    }

    @Test
    void unknownFormatIsAProblemNotAFile() {
        ResponseEntity<String> r = http.exchange(REPORTS + "budget-realisation?year=2023&format=docx", HttpMethod.GET,
                null, String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(r.getBody()).contains("UNKNOWN_FORMAT").contains("xlsx, csv, pdf");
    }

    @Test
    void reportPageDownloadsEveryTableInOneWorkbook() throws IOException {
        ResponseEntity<byte[]> r = pages().get("/org/kec-jiken/laporan/2023/unduh?tabel=semua&format=xlsx",
                byte[].class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (XSSFWorkbook book = workbook(r.getBody())) {
            List<String> titles = new ArrayList<>();
            book.forEach(s -> titles.add(s.getRow(0).getCell(0).getStringCellValue()));
            assertThat(titles).anyMatch(t -> t.startsWith("Tabel 3.9")).anyMatch(t -> t.startsWith("Tabel 2.6"))
                    .anyMatch(t -> t.startsWith("Tabel 3.2")).anyMatch(t -> t.startsWith("Tabel 3.3"))
                    .anyMatch(t -> t.startsWith("Tabel 3.4")).anyMatch(t -> t.startsWith("Tabel 3.7"))
                    .anyMatch(t -> t.startsWith("Rekonsiliasi"));
            Sheet reconciliation = book.getSheet(book.getSheetName(titles.indexOf(titles.stream()
                    .filter(t -> t.startsWith("Rekonsiliasi")).findFirst().orElseThrow())));
            Row total = rowStartingWith(reconciliation, 1, "jumlah anggaran");
            assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(1_925_000_000d);
            assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(1_923_000_000d);
        }
    }

    @Test
    void pageDownloadAsOfBeforeTheImportHasNoBudgetToShow() {
        PageSession pages = pages();
        ResponseEntity<String> r = pages.get(
                "/org/kec-jiken/laporan/2023/unduh?tabel=3.9&format=csv&asOf=2001-01-01T00:00", String.class);
        assertThat(r.getStatusCode().is4xxClientError()).as(r.getBody()).isTrue();
        assertThat(r.getBody()).doesNotContain("Jumlah");
        ResponseEntity<String> bad = pages.get("/org/kec-jiken/laporan/2023/unduh?tabel=9.9&format=csv",
                String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(bad.getBody()).contains("UNKNOWN_TABLE");
    }

    @Test
    void reportPageDrawsMonthlyAbsorptionAndTargetAgainstRealisationCharts() {
        ResponseEntity<String> page = pages().get("/org/kec-jiken/laporan/2023", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        java.util.regex.Matcher line = java.util.regex.Pattern.compile("id=\"monthly-line\"[^>]*points=\"([^\"]+)\"")
                .matcher(page.getBody());
        assertThat(line.find()).isTrue();
        String[] points = line.group(1).split(" ");
        assertThat(points).hasSize(12);
        assertThat(points[11]).as("December at 96,20 %% of a 190 px plot").isEqualTo("630.0,17.2");
        assertThat(page.getBody()).contains("class=\"chart target-vs-realisation\"")
                .contains("Realisasi 2023: 86,55").contains("Target 2023: 83,00")
                .contains("tabel=3.9&amp;format=xlsx");
    }
}
