package id.sakip.ledger.shared.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import id.sakip.ledger.shared.export.ReportTable.Kind;

/**
 * A budget of 2 000 lines exports as a streamed workbook: every line reads back with POI, text is
 * written inline instead of in a shared strings table, no temporary file is left behind, and many
 * exports at once fit in a small heap.
 */
class LargeExportTest {

    static final int LINES = 2_000;

    /** A Table 3.9 shaped like a large kabupaten budget: distinct names, codes and amounts per line. */
    static ReportTable budgetOfLines(int lines) {
        ReportTable.Builder b = ReportTable.titled("Tabel 3.9 Realisasi Anggaran").subtitle("Organisasi uji")
                .column("Kode", Kind.TEXT).column("Uraian", Kind.TEXT).column("Kelompok", Kind.TEXT)
                .column("Pagu (Rp)", Kind.RUPIAH).column("Realisasi (Rp)", Kind.RUPIAH).column("Sisa (Rp)", Kind.RUPIAH)
                .column("Serapan (%)", Kind.PERCENT).column("Catatan", Kind.TEXT);
        long total = 0;
        for (int i = 1; i <= lines; i++) {
            long amount = 1_000_000L + i * 7_919L;
            total += amount;
            b.row("5.1.02." + i, "Belanja kegiatan nomor " + i + " untuk pelayanan masyarakat kecamatan",
                    "barang_jasa", amount, amount / 2, amount - amount / 2, new java.math.BigDecimal("50.00"),
                    "Catatan pemeriksaan baris " + i + " yang cukup panjang agar tabelnya menyerupai DPA nyata");
        }
        return b.totalRow("", "Jumlah", "", total, total / 2, total - total / 2, new java.math.BigDecimal("50.00"), "")
                .build();
    }

    @Test
    void aBudgetOfTwoThousandLinesReadsBackLineByLineWithNumberCells() throws IOException {
        byte[] bytes = TableExporter.xlsx(List.of(budgetOfLines(LINES)));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var sheet = book.getSheetAt(0);
            int header = 3;
            assertThat(sheet.getRow(header).getCell(1).getStringCellValue()).isEqualTo("Uraian");
            for (int i = 1; i <= LINES; i++) {
                var row = sheet.getRow(header + i);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo("5.1.02." + i);
                assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat((long) row.getCell(3).getNumericCellValue()).isEqualTo(1_000_000L + i * 7_919L);
            }
            var total = sheet.getRow(header + LINES + 1);
            assertThat(total.getCell(1).getStringCellValue()).isEqualTo("Jumlah");
            assertThat(book.getFontAt(total.getCell(3).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as("heading frozen").isEqualTo((short) 4);
        }
    }

    @Test
    void textIsWrittenInlineWithoutASharedStringsTable() throws IOException {
        byte[] bytes = TableExporter.xlsx(List.of(budgetOfLines(50)));
        Path file = Files.createTempFile("export", ".xlsx");
        String sheet;
        String shared;
        try {
            Files.write(file, bytes);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                sheet = entry(zip, "xl/worksheets/sheet1.xml");
                shared = entry(zip, "xl/sharedStrings.xml");
            }
        } finally {
            Files.delete(file);
        }
        assertThat(sheet).contains("t=\"inlineStr\"").contains("Belanja kegiatan nomor 50");
        assertThat(shared).as("shared strings table").doesNotContain("<si>");
    }

    @Test
    void concurrentExportsLeaveNoTemporaryFilesBehind() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> exports = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                exports.add(pool.submit(() -> TableExporter.xlsx(List.of(budgetOfLines(LINES)))));
            }
            for (Future<byte[]> f : exports) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isNotEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sheetTempFiles()).as("POI's temporary sheet files").isEmpty();
    }

    @Test
    void sixteenConcurrentExportsOfALargeBudgetFitInAHeapOfSixtyFourMegabytes() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx64m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), ConcurrentExports.class.getName(), "16",
                String.valueOf(LINES)).redirectErrorStream(true).start();
        boolean ended = child.waitFor(120, TimeUnit.SECONDS);
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            child.destroyForcibly();
        }
        assertThat(ended).as("the exports ended").isTrue();
        assertThat(child.exitValue()).as(output).isZero();
    }

    private static String entry(ZipFile zip, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            return "";
        }
        try (var in = zip.getInputStream(e)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<Path> sheetTempFiles() throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "poifiles");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("poi-sxssf-sheet"))
                    .filter(p -> new File(p.toString()).exists()).toList();
        }
    }

    /** Runs the given number of concurrent exports in this JVM; exits 3 when the heap ran out. */
    public static final class ConcurrentExports {
        public static void main(String[] args) throws Exception {
            int clients = Integer.parseInt(args[0]);
            ReportTable table = budgetOfLines(Integer.parseInt(args[1]));
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<byte[]>> exports = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                exports.add(pool.submit(() -> TableExporter.xlsx(List.of(table))));
            }
            int status = 0;
            for (Future<byte[]> f : exports) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    System.out.println("export failed: " + e.getCause());
                    status = e.getCause() instanceof OutOfMemoryError ? 3 : 1;
                }
            }
            pool.shutdownNow();
            System.exit(status);
        }
    }
}
