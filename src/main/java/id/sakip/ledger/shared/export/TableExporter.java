package id.sakip.ledger.shared.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import id.sakip.ledger.shared.IndonesianFormat;
import id.sakip.ledger.shared.export.ReportTable.Column;
import id.sakip.ledger.shared.export.ReportTable.Kind;

/**
 * Writes report tables as XLSX (numeric cells with number formats, one sheet per table), CSV
 * (RFC 4180, plain machine-readable numbers) or PDF (A4 landscape, Indonesian number notation).
 */
public final class TableExporter {

    private TableExporter() {
    }

    public static byte[] export(ExportFormat format, List<ReportTable> tables) {
        return export(format, tables, null);
    }

    /**
     * As {@link #export(ExportFormat, List)}, a PDF with the heading, page numbers and signature block of
     * {@code heading}, a workbook with the signature block after the table of its last sheet.
     */
    public static byte[] export(ExportFormat format, List<ReportTable> tables, PrintHeading heading) {
        return export(format, tables, heading, List.of());
    }

    /**
     * As {@link #export(ExportFormat, List, PrintHeading)}, a workbook with the {@code dataSheets} after the
     * signed sheet: tables for another program to read back, which the CSV and the PDF leave out.
     */
    public static byte[] export(ExportFormat format, List<ReportTable> tables, PrintHeading heading,
                                List<ReportTable> dataSheets) {
        tables = withRows(tables);
        return switch (format) {
            case XLSX -> xlsx(tables, heading, dataSheets);
            case CSV -> csv(tables);
            case PDF -> pdf(tables, heading);
        };
    }

    /** The tables that have rows, so that a file of several holds no empty sheet; all of them if none has any. */
    static List<ReportTable> withRows(List<ReportTable> tables) {
        List<ReportTable> filled = tables.stream().filter(t -> !t.rows().isEmpty()).toList();
        return filled.isEmpty() ? tables : filled;
    }

    /** Rupiah and whole numbers: thousands grouped, no decimals (an Indonesian Excel shows 1.923.000.000). */
    static final String RUPIAH_FORMAT = "#,##0";
    /** Percentages and indicator values: the two decimals the ledger rounds to (96,20). */
    static final String PERCENT_FORMAT = "#,##0.00";
    /** Years: digits only (2026). */
    static final String YEAR_FORMAT = "0";

    /** Rows of a sheet kept in memory while a workbook is written; older rows go to a temporary file. */
    static final int ROW_WINDOW = 100;

    /**
     * One sheet per table; rupiah, percentages and decimals are number cells, never text. The
     * workbook is streamed (a window of {@value #ROW_WINDOW} rows, text as inline strings, no shared
     * strings table), so a large budget costs a bounded amount of heap whatever its number of lines.
     */
    public static byte[] xlsx(List<ReportTable> tables) {
        return xlsx(tables, null);
    }

    /**
     * As {@link #xlsx(List)}; with a heading that names a signer, the last sheet ends, as the PDF does, with the
     * signature block under the right part of its table: place and date, office, room to sign, name and NIP.
     */
    public static byte[] xlsx(List<ReportTable> tables, PrintHeading heading) {
        return xlsx(tables, heading, List.of());
    }

    /** As {@link #xlsx(List, PrintHeading)}, then one sheet per table of {@code dataSheets}, without signature. */
    public static byte[] xlsx(List<ReportTable> tables, PrintHeading heading, List<ReportTable> dataSheets) {
        SXSSFWorkbook book = new SXSSFWorkbook(null, ROW_WINDOW, true, false);
        try (book; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(book);
            Map<String, Integer> names = new HashMap<>();
            ReportTable signed = tables.isEmpty() ? null : tables.get(tables.size() - 1);
            for (ReportTable table : java.util.stream.Stream.concat(tables.stream(), dataSheets.stream()).toList()) {
                Sheet sheet = book.createSheet(sheetName(table.title(), names));
                int r = 0;
                Cell title = sheet.createRow(r++).createCell(0);
                title.setCellValue(table.title());
                title.setCellStyle(styles.title);
                if (table.subtitle() != null) {
                    sheet.createRow(r++).createCell(0).setCellValue(table.subtitle());
                }
                r++;
                Row header = sheet.createRow(r++);
                int[] widths = new int[table.columns().size()];
                for (int c = 0; c < table.columns().size(); c++) {
                    Cell cell = header.createCell(c);
                    cell.setCellValue(table.columns().get(c).heading());
                    cell.setCellStyle(styles.header);
                    widths[c] = table.columns().get(c).heading().length();
                }
                for (int i = 0; i < table.rows().size(); i++) {
                    boolean total = table.totalRows().contains(i);
                    Row row = sheet.createRow(r++);
                    List<Object> cells = table.rows().get(i);
                    for (int c = 0; c < cells.size(); c++) {
                        Column column = table.columns().get(c);
                        Object value = cells.get(c);
                        Cell cell = row.createCell(c);
                        cell.setCellStyle(column.kind() == Kind.NUMBER && value instanceof Number n
                                ? styles.figure(n, total) : styles.of(column.kind(), total));
                        if (value == null) {
                            cell.setBlank();
                        } else if (value instanceof Number n && column.kind() != Kind.TEXT) {
                            cell.setCellValue(n instanceof BigDecimal d ? d.doubleValue() : n.doubleValue());
                        } else {
                            cell.setCellValue(value.toString());
                        }
                        widths[c] = Math.max(widths[c], shown(column.kind(), value).length());
                    }
                }
                header.getSheet().createFreezePane(0, r - table.rows().size());
                if (heading != null && heading.signature() != null && table == signed) {
                    signatureRows(sheet, r + 2, table.columns().size() * 3 / 5, heading.signature(), styles);
                }
                for (int c = 0; c < widths.length; c++) {
                    sheet.setColumnWidth(c, Math.min(80, widths[c] + 3) * 256);
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            book.dispose();
        }
    }

    /**
     * A sheet name Excel accepts: the title cut at Excel's 31 characters, or at 28 with a number when an earlier
     * title was cut alike, without spaces left at the cut.
     */
    static String sheetName(String title, Map<String, Integer> used) {
        String base = WorkbookUtil.createSafeSheetName(title).strip();
        int n = used.merge(base.toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
        return n == 1 ? base : base.substring(0, Math.min(base.length(), 28)).strip() + " " + n;
    }

    /** The signature block's lines from {@code first} on, in column {@code column}; the name and office in bold. */
    private static void signatureRows(Sheet sheet, int first, int column, PrintHeading.Signature s, Styles styles) {
        List<String> lines = signatureLines(s);
        int r = first;
        sheet.createRow(r++).createCell(column).setCellValue(lines.get(0));
        Cell office = sheet.createRow(r++).createCell(column);
        office.setCellValue(lines.get(1));
        office.setCellStyle(styles.signer);
        r += SIGNING_ROOM;
        Cell name = sheet.createRow(r++).createCell(column);
        name.setCellValue(lines.get(2));
        name.setCellStyle(styles.signer);
        sheet.createRow(r).createCell(column).setCellValue(lines.get(3));
    }

    /** Empty rows left between the office and the name of a workbook's signature block, to sign and stamp in. */
    static final int SIGNING_ROOM = 4;

    /** Cell styles, created once per workbook. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle signer;
        final Map<String, CellStyle> cells = new HashMap<>();
        private final Workbook book;
        private final Font bold;

        Styles(Workbook book) {
            this.book = book;
            bold = book.createFont();
            bold.setBold(true);
            Font big = book.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 13);
            title = book.createCellStyle();
            title.setFont(big);
            header = book.createCellStyle();
            header.setFont(bold);
            header.setBorderBottom(BorderStyle.THIN);
            header.setWrapText(true);
            signer = book.createCellStyle();
            signer.setFont(bold);
        }

        CellStyle of(Kind kind, boolean total) {
            return style(kind, switch (kind) {
                case RUPIAH, INTEGER -> RUPIAH_FORMAT;
                case PERCENT, DECIMAL -> PERCENT_FORMAT;
                case YEAR -> YEAR_FORMAT;
                case TEXT, NUMBER -> null;
            }, total);
        }

        /** A figure at its own precision: as many decimals in the number format as the value's scale. */
        CellStyle figure(Number value, boolean total) {
            int scale = value instanceof BigDecimal d ? Math.max(0, d.scale()) : 0;
            return style(Kind.NUMBER, scale == 0 ? RUPIAH_FORMAT : "#,##0." + "0".repeat(scale), total);
        }

        private CellStyle style(Kind kind, String format, boolean total) {
            return cells.computeIfAbsent(kind + "/" + format + "/" + total, k -> {
                CellStyle s = book.createCellStyle();
                if (format != null) {
                    s.setDataFormat(book.createDataFormat().getFormat(format));
                }
                if (kind != Kind.TEXT) {
                    s.setAlignment(HorizontalAlignment.RIGHT);
                }
                if (total) {
                    s.setFont(bold);
                    s.setBorderTop(BorderStyle.THIN);
                }
                return s;
            });
        }
    }

    /**
     * RFC 4180 with a comma separator; numbers as plain digits with a point (1923000000, 96.20). Text
     * that a spreadsheet would run as a formula is neutralised (see {@link #neutralised(String)}).
     */
    public static byte[] csv(List<ReportTable> tables) {
        StringBuilder out = new StringBuilder();
        boolean several = tables.size() > 1;
        for (ReportTable table : tables) {
            if (several) {
                if (!out.isEmpty()) {
                    out.append("\r\n");
                }
                out.append(text(table.title())).append("\r\n");
            }
            line(out, table.columns().stream().map(Column::heading).map(TableExporter::text).toList());
            for (List<Object> row : table.rows()) {
                List<String> cells = new java.util.ArrayList<>(row.size());
                for (int c = 0; c < row.size(); c++) {
                    cells.add(csvCell(table.columns().get(c).kind(), row.get(c)));
                }
                line(out, cells);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String csvCell(Kind kind, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number n && kind != Kind.TEXT) {
            return n instanceof BigDecimal d ? d.toPlainString() : n.toString();
        }
        return text(value.toString());
    }

    private static String text(String value) {
        return quote(neutralised(value));
    }

    /**
     * Text starting with {@code = + - @}, a tab or a carriage return gets a leading {@code '} (OWASP
     * CSV injection), so that a spreadsheet shows it as text instead of evaluating it. Number cells are
     * written as numbers and never pass here, so a negative amount stays a number.
     */
    static String neutralised(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append(String.join(",", cells)).append("\r\n");
    }

    private static String quote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** A4 landscape; numbers in Indonesian notation, right-aligned; total rows in bold. */
    public static byte[] pdf(List<ReportTable> tables) {
        return pdf(tables, null);
    }

    /**
     * As {@link #pdf(List)}; with a heading, every page names the organisation, the moment the figures stand
     * at and when the file was made (WIB), and counts "Halaman n dari m", and the last page ends with the
     * signature block.
     */
    public static byte[] pdf(List<ReportTable> tables, PrintHeading heading) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 28, 28, heading == null ? 28 : 48, 40);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        if (heading != null) {
            writer.setPageEvent(new PageFrame(heading));
        }
        document.open();
        com.lowagie.text.Font titleFont = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
        com.lowagie.text.Font small = FontFactory.getFont(FontFactory.HELVETICA, 8);
        com.lowagie.text.Font smallBold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
        boolean first = true;
        for (ReportTable table : tables) {
            if (!first) {
                document.add(new Paragraph(" "));
            }
            first = false;
            document.add(new Paragraph(table.title(), titleFont));
            if (table.subtitle() != null) {
                document.add(new Paragraph(table.subtitle(), small));
            }
            PdfPTable grid = new PdfPTable(table.columns().size());
            grid.setWidthPercentage(100);
            grid.setSpacingBefore(6);
            grid.setHeaderRows(1);
            grid.setWidths(relativeWidths(table));
            for (Column column : table.columns()) {
                PdfPCell cell = new PdfPCell(new Phrase(column.heading(), smallBold));
                cell.setGrayFill(0.9f);
                grid.addCell(cell);
            }
            for (int i = 0; i < table.rows().size(); i++) {
                boolean total = table.totalRows().contains(i);
                List<Object> row = table.rows().get(i);
                for (int c = 0; c < row.size(); c++) {
                    Kind kind = table.columns().get(c).kind();
                    PdfPCell cell = new PdfPCell(new Phrase(shown(kind, row.get(c)), total ? smallBold : small));
                    if (kind != Kind.TEXT) {
                        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                    }
                    grid.addCell(cell);
                }
            }
            document.add(grid);
        }
        if (heading != null && heading.signature() != null) {
            document.add(signatureBlock(heading.signature()));
        }
        document.close();
        return out.toByteArray();
    }

    /** What a signer writes by hand when the organisation's data does not say it. */
    static final String BLANK = "..............................";

    /** The signature block, right-aligned as an LKjIP ends: place and date, office, room to sign, name, NIP. */
    private static PdfPTable signatureBlock(PrintHeading.Signature s) {
        com.lowagie.text.Font normal = FontFactory.getFont(FontFactory.HELVETICA, 10);
        com.lowagie.text.Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
        PdfPTable block = new PdfPTable(new float[] {3, 2});
        block.setWidthPercentage(100);
        block.setSpacingBefore(24);
        block.setKeepTogether(true);
        PdfPCell empty = new PdfPCell(new Phrase(""));
        empty.setBorder(PdfPCell.NO_BORDER);
        block.addCell(empty);
        List<String> text = signatureLines(s);
        Paragraph lines = new Paragraph();
        lines.add(new Phrase(text.get(0) + "\n", normal));
        lines.add(new Phrase(text.get(1) + "\n\n\n\n\n", bold));
        lines.add(new Phrase(text.get(2) + "\n", bold));
        lines.add(new Phrase(text.get(3), normal));
        PdfPCell signer = new PdfPCell(lines);
        signer.setBorder(PdfPCell.NO_BORDER);
        signer.setHorizontalAlignment(Element.ALIGN_CENTER);
        block.addCell(signer);
        return block;
    }

    /** The signature block's text, the same in every format: place and date, office, name, NIP (a line for each unknown). */
    static List<String> signatureLines(PrintHeading.Signature s) {
        return List.of((blank(s.place()) ? BLANK : s.place()) + ", " + IndonesianFormat.longDate(s.date()),
                blank(s.title()) ? "Kepala" : s.title(), blank(s.name()) ? BLANK : s.name(),
                "NIP. " + (blank(s.nip()) ? BLANK : s.nip()));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The heading and the page count on every page; the total is written into a template once it is known. */
    private static final class PageFrame extends PdfPageEventHelper {
        private final PrintHeading heading;
        private final BaseFont font;
        private PdfTemplate total;

        PageFrame(PrintHeading heading) {
            this.heading = heading;
            try {
                font = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 12);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            float top = document.getPageSize().getHeight() - 26;
            float left = document.left();
            float right = document.right();
            canvas.beginText();
            canvas.setFontAndSize(font, 9);
            canvas.showTextAligned(Element.ALIGN_LEFT, heading.organisationName(), left, top, 0);
            canvas.setFontAndSize(font, 8);
            canvas.showTextAligned(Element.ALIGN_RIGHT, "Keadaan per " + (heading.asOf() == null
                    ? "terkini" : IndonesianFormat.time(heading.asOf())) + " · dibuat "
                    + IndonesianFormat.time(heading.generatedAt()), right, top, 0);
            String page = "Halaman " + writer.getPageNumber() + " dari ";
            float width = font.getWidthPoint(page, 8);
            float centre = (left + right) / 2;
            canvas.showTextAligned(Element.ALIGN_LEFT, page, centre - width / 2, 20, 0);
            canvas.endText();
            canvas.addTemplate(total, centre + width / 2, 20);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(font, 8);
            total.showText(String.valueOf(writer.getPageNumber() - 1));
            total.endText();
        }
    }

    private static float[] relativeWidths(ReportTable table) {
        float[] widths = new float[table.columns().size()];
        for (int c = 0; c < widths.length; c++) {
            Kind kind = table.columns().get(c).kind();
            int longest = table.columns().get(c).heading().length();
            for (List<Object> row : table.rows()) {
                longest = Math.max(longest, shown(kind, row.get(c)).length());
            }
            widths[c] = Math.max(4, Math.min(60, longest));
        }
        return widths;
    }

    /** A cell as a person reads it: 1.923.000.000; 96,20. */
    static String shown(Kind kind, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number n && kind != Kind.TEXT) {
            return switch (kind) {
                case RUPIAH, INTEGER -> IndonesianFormat.integer(n.longValue());
                case YEAR -> String.valueOf(n.longValue());
                case NUMBER -> IndonesianFormat.figure(n);
                default -> IndonesianFormat.decimal(n instanceof BigDecimal d ? d : new BigDecimal(n.toString()));
            };
        }
        return value.toString();
    }
}
