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
