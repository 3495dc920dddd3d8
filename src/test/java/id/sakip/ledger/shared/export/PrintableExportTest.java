package id.sakip.ledger.shared.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import id.sakip.ledger.shared.export.ReportTable.Kind;

/** Exports that an office can sign: years as years, figures at their precision, headings, pages and signature. */
class PrintableExportTest {

    private static ReportTable progress() {
        return ReportTable.titled("Tabel 3.4 Kemajuan terhadap target akhir Renstra 2023").subtitle("uji")
                .column("Indikator", Kind.TEXT).column("Tahun akhir", Kind.YEAR).column("Target akhir", Kind.DECIMAL)
                .row("IKU-1", 2026, new BigDecimal("97.00"))
                .build();
    }

    private static ReportTable findings() {
        return ReportTable.titled("Rekonsiliasi").column("Butir", Kind.TEXT).column("Tercetak", Kind.NUMBER)
                .column("Dihitung", Kind.NUMBER).column("Selisih", Kind.NUMBER)
                .row("capaian", "104", new BigDecimal("104.68"), new BigDecimal("-1"))
                .row("persen", "95,55", new BigDecimal("96.17"), new BigDecimal("-0.62"))
                .row("serapan", "99,99%", new BigDecimal("100.00"), new BigDecimal("-0.01"))
                .row("total", 1_925_000_000L, 1_923_000_000L, new BigDecimal("2000000"))
                .build();
    }

    private static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append("<page ").append(page).append(">\n")
                    .append(extractor.getTextFromPage(page).replaceAll("\\s+", " ")).append('\n');
        }
        reader.close();
        return text.toString();
    }

    @Test
    void aYearIsWrittenAsAYearInTheSpreadsheetAndThePdf() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(TableExporter.xlsx(List.of(progress()))))) {
            Cell year = book.getSheetAt(0).getRow(4).getCell(1);
            assertThat(year.getNumericCellValue()).isEqualTo(2026d);
            assertThat(year.getCellStyle().getDataFormatString()).isEqualTo("0");
        }
        assertThat(text(TableExporter.pdf(List.of(progress())))).contains("2026").doesNotContain("2.026");
    }

    @Test
    void sheetNamesCutAtExcelsLengthKeepNoTrailingSpace() {
        assertThat(TableExporter.sheetName("Riwayat perubahan anggaran 2023", new HashMap<>()))
                .isEqualTo("Riwayat perubahan anggaran 2023");
        assertThat(TableExporter.sheetName("Tabel 3.4 Kemajuan terhadap target akhir Renstra 2023", new HashMap<>()))
                .isEqualTo("Tabel 3.4 Kemajuan terhadap tar");
        assertThat(TableExporter.sheetName("Tabel 3.3 Perbandingan capaian  2021-2023", new HashMap<>()))
                .isEqualTo("Tabel 3.3 Perbandingan capaian");
        var used = new HashMap<String, Integer>();
        TableExporter.sheetName("Tabel 3.2 Capaian kinerja tahun ini dan lalu", used);
        assertThat(TableExporter.sheetName("Tabel 3.2 Capaian kinerja tahun ini dan lalu", used))
                .isEqualTo("Tabel 3.2 Capaian kinerja ta 2");
    }

    @Test
    void aFileOfSeveralTablesLeavesOutTheOnesWithoutRows() throws IOException {
        ReportTable empty = ReportTable.titled("Tidak dibandingkan 2023").column("Butir", Kind.TEXT).build();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                TableExporter.export(ExportFormat.XLSX, List.of(progress(), empty))))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(1);
            assertThat(book.getSheetName(0)).startsWith("Tabel 3.4");
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                TableExporter.export(ExportFormat.XLSX, List.of(empty))))) {
            assertThat(book.getNumberOfSheets()).as("a file of one empty table still opens").isEqualTo(1);
        }
    }

    @Test
    void reconciliationFiguresKeepThePrecisionTheyCarry() throws IOException {
        assertThat(TableExporter.shown(Kind.NUMBER, new BigDecimal("100.00"))).isEqualTo("100,00");
        assertThat(TableExporter.shown(Kind.NUMBER, new BigDecimal("-1"))).isEqualTo("-1");
        assertThat(TableExporter.shown(Kind.NUMBER, new BigDecimal("-0.62"))).isEqualTo("-0,62");
        assertThat(TableExporter.shown(Kind.NUMBER, 1_923_000_000L)).isEqualTo("1.923.000.000");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(TableExporter.xlsx(List.of(findings()))))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(3).getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(sheet.getRow(3).getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(sheet.getRow(4).getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(sheet.getRow(6).getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
        }
    }

    @Test
    void aPdfWithAHeadingNamesTheOrganisationTheMomentAndThePagesOnEveryPage() throws IOException {
        ReportTable.Builder long_ = ReportTable.titled("Tabel panjang").column("No", Kind.INTEGER)
                .column("Anggaran (Rp)", Kind.RUPIAH);
        for (int i = 1; i <= 120; i++) {
            long_.row(i, 1_000_000L * i);
        }
        PrintHeading heading = new PrintHeading("Kecamatan Jiken", Instant.parse("2023-12-31T16:59:00Z"),
                Instant.parse("2026-12-02T01:30:00Z"), new PrintHeading.Signature("Jiken", LocalDate.of(2026, 12, 2),
                "Camat Jiken", "Budi Santoso, S.Sos", "19700101 199503 1 001"));
        String text = text(TableExporter.pdf(List.of(long_.build()), heading));
        List<String> pages = new ArrayList<>(List.of(text.split("<page \\d+>\n")));
        pages.remove(0);
        assertThat(pages).hasSizeGreaterThan(1);
        for (int p = 0; p < pages.size(); p++) {
            assertThat(pages.get(p)).contains("Kecamatan Jiken", "Keadaan per 31-12-2023 23:59:00 WIB",
                    "dibuat 02-12-2026 08:30:00 WIB", "Halaman " + (p + 1) + " dari " + pages.size());
        }
        String last = pages.get(pages.size() - 1);
        assertThat(last).contains("Jiken, 2 Desember 2026", "Camat Jiken", "Budi Santoso, S.Sos",
                "NIP. 19700101 199503 1 001");
        assertThat(pages.get(0)).doesNotContain("NIP.");
    }

    @Test
    void aSignerTheDataDoesNotNameGetsLinesToWriteOn() throws IOException {
        PrintHeading heading = new PrintHeading("Kecamatan Jiken", null, Instant.parse("2026-12-02T01:30:00Z"),
                new PrintHeading.Signature(null, LocalDate.of(2026, 12, 2), "Camat Jiken", null, null));
        String text = text(TableExporter.pdf(List.of(progress()), heading));
        assertThat(text).contains("Keadaan per terkini", TableExporter.BLANK + ", 2 Desember 2026", "Camat Jiken",
                "NIP. " + TableExporter.BLANK);
    }

    /** The text of the cells of a sheet's column from a row on, one entry per row ("" for an empty row). */
    private static List<String> column(org.apache.poi.ss.usermodel.Sheet sheet, int column, int from) {
        List<String> cells = new ArrayList<>();
        for (int r = from; r <= sheet.getLastRowNum(); r++) {
            var row = sheet.getRow(r);
            Cell cell = row == null ? null : row.getCell(column);
            cells.add(cell == null ? "" : cell.getStringCellValue());
        }
        return cells;
    }

    @Test
    void theWorkbookEndsItsLastSheetWithTheSignatureBlockAsThePdfDoes() throws IOException {
        PrintHeading heading = new PrintHeading("Kecamatan Jiken", null, Instant.parse("2026-12-02T01:30:00Z"),
                new PrintHeading.Signature("Jiken", LocalDate.of(2026, 12, 2), "Camat Jiken", "Budi Santoso, S.Sos",
                        "19700101 199503 1 001"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(TableExporter.export(ExportFormat.XLSX,
                List.of(findings(), progress()), heading)))) {
            var first = book.getSheetAt(0);
            assertThat(first.getLastRowNum()).as("the first sheet ends with its table").isEqualTo(6);
            var last = book.getSheetAt(1);
            assertThat(last.getRow(4).getCell(1).getNumericCellValue()).as("the table itself").isEqualTo(2026d);
            assertThat(column(last, 1, 5)).containsExactly("", "", "Jiken, 2 Desember 2026", "Camat Jiken", "", "", "",
                    "", "Budi Santoso, S.Sos", "NIP. 19700101 199503 1 001");
            assertThat(book.getFontAt(last.getRow(8).getCell(1).getCellStyle().getFontIndex()).getBold())
                    .as("the office in bold").isTrue();
            assertThat(book.getFontAt(last.getRow(13).getCell(1).getCellStyle().getFontIndex()).getBold())
                    .as("the name in bold").isTrue();
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(TableExporter.xlsx(List.of(progress()))))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).as("no heading, no signature").isEqualTo(4);
        }
    }

    @Test
    void aWorkbookLeavesLinesToWriteOnForASignerTheDataDoesNotName() throws IOException {
        PrintHeading heading = new PrintHeading("Kecamatan Jiken", null, Instant.parse("2026-12-02T01:30:00Z"),
                new PrintHeading.Signature(null, LocalDate.of(2026, 12, 2), "Camat Jiken", null, null));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(TableExporter.xlsx(List.of(findings()),
                heading)))) {
            assertThat(column(book.getSheetAt(0), 2, 9)).containsExactly(TableExporter.BLANK + ", 2 Desember 2026",
                    "Camat Jiken", "", "", "", "", TableExporter.BLANK, "NIP. " + TableExporter.BLANK);
        }
    }
}
