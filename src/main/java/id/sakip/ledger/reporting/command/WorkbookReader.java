package id.sakip.ledger.reporting.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the cells of an XLSX workbook with POI's event API (one SAX pass per sheet, never a whole
 * workbook in memory), bounded in rows, columns and inflation. Formulas are never evaluated: a formula
 * cell gives the value Excel stored with it, or is marked as having none.
 */
final class WorkbookReader {

    /** Rows with content read from one sheet before the workbook is refused. */
    static final int MAX_ROWS = 20_000;
    /** Columns read; cells further right are ignored. */
    static final int MAX_COLUMNS = 60;
    /** Sheets read; further sheets are ignored. */
    static final int MAX_SHEETS = 20;
    /** Longest text kept from one cell. */
    static final int MAX_CELL_TEXT = 5_000;

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(256L << 20);
        ZipSecureFile.setMaxTextSize(64L << 20);
    }

    private WorkbookReader() {
    }

    /** What a cell holds. */
    enum Kind {
        TEXT, NUMBER, BOOLEAN, ERROR, FORMULA_WITHOUT_VALUE
    }

    /**
     * One cell with content.
     *
     * @param text          the text, the stored number as written in the file, or the formula of a cell without value
     * @param dateFormatted whether a number cell is formatted as a date
     */
    record Cell(Kind kind, String text, double number, boolean dateFormatted) {
    }

    /** One row with content; {@code number} is the row number Excel shows (from 1). */
    record Row(int number, Map<Integer, Cell> cells) {
        Cell at(Integer column) {
            return column == null ? null : cells.get(column);
        }
    }

    /** One sheet's rows with content, in order. */
    record Sheet(String name, List<Row> rows) {
    }

    /** The workbook could not be read at all; the message says why, in Bahasa Indonesia. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private static final class TooManyRows extends SAXException {
        TooManyRows() {
            super("too many rows");
        }
    }

    static List<Sheet> read(byte[] bytes) throws Unreadable {
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            throw new Unreadable("berkas bukan buku kerja Excel .xlsx (simpan sebagai \"Excel Workbook (.xlsx)\")");
        }
        Path file = null;
        try {
            file = Files.createTempFile("ledger-dpa-", ".xlsx");
            Files.write(file, bytes);
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
                StylesTable styles = reader.getStylesTable();
                XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
                List<Sheet> sheets = new ArrayList<>();
                while (it.hasNext() && sheets.size() < MAX_SHEETS) {
                    try (InputStream in = it.next()) {
                        String name = it.getSheetName();
                        SheetHandler handler = new SheetHandler(strings, styles);
                        XMLReader xml = XMLHelper.newXMLReader();
                        xml.setContentHandler(handler);
                        try {
                            xml.parse(new InputSource(in));
                        } catch (TooManyRows e) {
                            throw new Unreadable("sheet " + name + " berisi lebih dari " + MAX_ROWS
                                    + " baris; pecah menjadi beberapa buku kerja");
                        }
                        sheets.add(new Sheet(name, handler.rows));
                    }
                }
                return sheets;
            }
        } catch (Unreadable e) {
            throw e;
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String message = String.valueOf(t.getMessage());
                if (message.contains("Zip bomb") || message.contains("exceeds the max")) {
                    throw new Unreadable("berkas ditolak: isinya mengembang jauh melebihi ukurannya (bom zip)");
                }
            }
            throw new Unreadable("berkas bukan buku kerja Excel .xlsx yang dapat dibaca (simpan ulang sebagai "
                    + "\"Excel Workbook (.xlsx)\")");
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }

    /** Collects the cells of one sheet's XML. */
    private static final class SheetHandler extends DefaultHandler {
        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        final List<Row> rows = new ArrayList<>();
        private Map<Integer, Cell> cells;
        private int rowNumber;
        private int column;
        private String type;
        private String style;
        private boolean hasFormula;
        private boolean hasValue;
        private final StringBuilder value = new StringBuilder();
        private final StringBuilder formula = new StringBuilder();
        private final StringBuilder inline = new StringBuilder();
        private StringBuilder collecting;
        private boolean inInline;
        private boolean inPhonetic;

        SheetHandler(ReadOnlySharedStringsTable strings, StylesTable styles) {
            this.strings = strings;
            this.styles = styles;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    cells = new LinkedHashMap<>();
                    column = -1;
                }
                case "c" -> {
                    String ref = attributes.getValue("r");
                    column = ref == null ? column + 1 : new CellReference(ref).getCol();
                    type = attributes.getValue("t");
                    style = attributes.getValue("s");
                    hasFormula = false;
                    hasValue = false;
                    value.setLength(0);
                    formula.setLength(0);
                    inline.setLength(0);
                }
                case "v" -> {
                    hasValue = true;
                    collecting = value;
                }
                case "f" -> {
                    hasFormula = true;
                    collecting = formula;
                }
                case "is" -> inInline = true;
                case "rPh" -> inPhonetic = true;
                case "t" -> collecting = inInline && !inPhonetic ? inline : null;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (collecting != null && collecting.length() < MAX_CELL_TEXT) {
                collecting.append(ch, start, Math.min(length, MAX_CELL_TEXT - collecting.length()));
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "v", "f", "t" -> collecting = null;
                case "is" -> {
                    inInline = false;
                    hasValue = true;
                }
                case "rPh" -> inPhonetic = false;
                case "c" -> cell();
                case "row" -> {
                    if (cells != null && !cells.isEmpty()) {
                        if (rows.size() >= MAX_ROWS) {
                            throw new TooManyRows();
                        }
                        rows.add(new Row(rowNumber, cells));
                    }
                    cells = null;
                }
                default -> {
                }
            }
        }

        private void cell() {
            if (cells == null || column < 0 || column >= MAX_COLUMNS) {
                return;
            }
            if (!hasValue) {
                if (hasFormula) {
                    cells.put(column, new Cell(Kind.FORMULA_WITHOUT_VALUE, formula.toString(), 0, false));
                }
                return;
            }
            String v = value.toString();
            Cell cell;
            if ("s".equals(type)) {
                cell = text(strings.getItemAt(Integer.parseInt(v.strip())).getString());
            } else if ("inlineStr".equals(type)) {
                cell = text(inline.toString());
            } else if ("str".equals(type)) {
                cell = text(v);
            } else if ("b".equals(type)) {
                cell = new Cell(Kind.BOOLEAN, "1".equals(v.strip()) ? "TRUE" : "FALSE", 0, false);
            } else if ("e".equals(type)) {
                cell = new Cell(Kind.ERROR, v.strip(), 0, false);
            } else if ("d".equals(type)) {
                int t = v.indexOf('T');
                cell = text(t < 0 ? v : v.substring(0, t));
            } else if (v.isBlank()) {
                return;
            } else {
                double number;
                try {
                    number = Double.parseDouble(v.strip());
                } catch (NumberFormatException e) {
                    cell = text(v);
                    cells.put(column, cell);
                    return;
                }
                cell = new Cell(Kind.NUMBER, v.strip(), number, isDateFormatted());
            }
            if (cell.kind() == Kind.TEXT && cell.text().isBlank()) {
                return;
            }
            cells.put(column, cell);
        }

        private static Cell text(String s) {
            return new Cell(Kind.TEXT, s, 0, false);
        }

        private boolean isDateFormatted() {
            if (style == null || styles == null) {
                return false;
            }
            try {
                XSSFCellStyle s = styles.getStyleAt(Integer.parseInt(style));
                return s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString());
            } catch (RuntimeException e) {
                return false;
            }
        }
    }
}
