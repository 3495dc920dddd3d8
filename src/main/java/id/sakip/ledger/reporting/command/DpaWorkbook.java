package id.sakip.ledger.reporting.command;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import id.sakip.ledger.budget.api.BudgetActivity;
import id.sakip.ledger.budget.api.BudgetLine;
import id.sakip.ledger.budget.api.BudgetProgram;
import id.sakip.ledger.budget.api.EconomicClass;
import id.sakip.ledger.budget.api.OutputIndicator;
import id.sakip.ledger.reporting.command.DpaProblems.Problem;
import id.sakip.ledger.reporting.command.LkjipDocument.BudgetPart;
import id.sakip.ledger.reporting.command.LkjipDocument.ImportedRealisation;
import id.sakip.ledger.reporting.command.WorkbookReader.Cell;
import id.sakip.ledger.reporting.command.WorkbookReader.Kind;
import id.sakip.ledger.reporting.command.WorkbookReader.Row;
import id.sakip.ledger.reporting.command.WorkbookReader.Sheet;
import id.sakip.ledger.shared.IndonesianFormat;
import id.sakip.ledger.shared.IndonesianInput;
import id.sakip.ledger.shared.Rupiah;
import id.sakip.ledger.shared.TextRules;

/**
 * A DPA workbook after validation: the budget lines of its lines sheet (laid out as the template or as
 * the Table 3.9 export) and the realisation entries of its realisations sheet, with a digest of the
 * content read, so that the same figures saved again are recognised as the same workbook.
 *
 * @param digest      SHA-256 over the organisation, year and every value read (not over the file's bytes)
 * @param budget      the budget tree and each line's realisations, as an LKjIP file's budget block
 * @param recapLines  lines whose only realisation is the lines sheet's total, recorded as one recap entry
 * @param notes       what was read and what was left aside, in Bahasa Indonesia, for the preview
 */
public record DpaWorkbook(String digest, BudgetPart budget, Set<String> recapLines, List<String> notes) {

    /** Headings of the lines sheet in the template, in order. */
    public static final List<String> LINE_HEADINGS = List.of("No", "Kode", "Program", "Nama program", "Kegiatan",
            "Nama kegiatan", "Sub kegiatan", "Jenis belanja", "Anggaran", "Realisasi", "Sasaran", "Indikator",
            "Target", "Satuan", "Indikator program", "Target program", "Satuan program", "Sasaran kegiatan",
            "Indikator kegiatan", "Target kegiatan", "Satuan kegiatan");
    /** Headings of the realisations sheet in the template, in order. */
    public static final List<String> ENTRY_HEADINGS = List.of("Sub kegiatan", "Tanggal", "Nomor SP2D/SPJ", "Jumlah",
            "Uraian");

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final int MAX_PROBLEMS = 500;
    private static final int MAX_NAME = 1_000;
    private static final int MAX_DOCUMENT = 100;
    private static final int HEADER_SEARCH_ROWS = 12;

    /** A column of the lines sheet: the headings it is known by (normalised), and whether it is required. */
    enum LineColumn {
        NUMBER(true, "no", "nomor", "no sub kegiatan", "nomor sub kegiatan"),
        CODE(false, "kode", "kode sub kegiatan", "kode rekening"),
        PROGRAM(true, "program", "no program", "nomor program", "kode program"),
        PROGRAM_NAME(false, "nama program"),
        ACTIVITY(false, "kegiatan", "no kegiatan", "nomor kegiatan"),
        ACTIVITY_NAME(false, "nama kegiatan"),
        NAME(true, "sub kegiatan", "nama sub kegiatan"),
        CLASS(true, "jenis belanja", "kelompok belanja"),
        BUDGET(true, "anggaran", "pagu", "pagu anggaran"),
        REALISED(false, "realisasi"),
        OBJECTIVE(false, "sasaran", "kode sasaran"),
        INDICATOR(false, "indikator", "indikator keluaran"),
        TARGET(false, "target"),
        UNIT(false, "satuan"),
        PROGRAM_INDICATOR(false, "indikator program"),
        PROGRAM_TARGET(false, "target program"),
        PROGRAM_UNIT(false, "satuan program"),
        ACTIVITY_OBJECTIVE(false, "sasaran kegiatan"),
        ACTIVITY_INDICATOR(false, "indikator kegiatan"),
        ACTIVITY_TARGET(false, "target kegiatan"),
        ACTIVITY_UNIT(false, "satuan kegiatan");

        final boolean required;
        final List<String> headings;

        LineColumn(boolean required, String... headings) {
            this.required = required;
            this.headings = List.of(headings);
        }
    }

    /** A column of the realisations sheet. */
    enum EntryColumn {
        LINE(true, "sub kegiatan", "no sub kegiatan", "kode sub kegiatan", "sub kegiatan no kode", "baris",
                "baris anggaran"),
        DATE(true, "tanggal", "tanggal sp2d", "tanggal spj", "tgl"),
        DOCUMENT(true, "nomor sp2d spj", "no sp2d spj", "nomor sp2d", "no sp2d", "nomor spj", "no spj", "sp2d",
                "spj", "nomor bukti", "no bukti", "dokumen"),
        AMOUNT(true, "jumlah", "nilai", "jumlah realisasi"),
        DESCRIPTION(false, "uraian", "keterangan", "deskripsi");

        final boolean required;
        final List<String> headings;

        EntryColumn(boolean required, String... headings) {
            this.required = required;
            this.headings = List.of(headings);
        }
    }

    /** Columns that other layouts carry and the ledger computes itself (Table 3.9's remainder and absorption). */
    private static final Set<String> COMPUTED = Set.of("sisa", "serapan", "sisa anggaran");

    /** Reads and validates the sheets; throws {@link DpaProblems} listing every problem when any is found. */
    static DpaWorkbook parse(List<Sheet> sheets, String organisationId, int year, LocalDate today) {
        return new Parser(organisationId, year, today).parse(sheets);
    }

    /** Whether a sheet is the whole DPA that a Table 3.9 workbook ends with ("Rincian DPA 2023"). */
    static boolean isDpaSheet(Sheet sheet) {
        return normalised(sheet.name()).startsWith("rincian dpa");
    }

    /** A heading reduced to lower-case words: "Anggaran (Rp)" and "ANGGARAN" are both "anggaran". */
    static String normalised(String heading) {
        String s = heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        s = (" " + s + " ").replace(" rp ", " ").strip();
        return s.replaceAll(" +", " ");
    }

    /** The economic class an officer writes: "Belanja Barang dan Jasa", "barang_jasa", "Modal". */
    static EconomicClass economicClass(String text) {
        String s = normalised(text.replace('_', ' ').replace('/', ' '));
        s = s.startsWith("belanja ") ? s.substring(8) : s;
        return switch (s) {
            case "pegawai" -> EconomicClass.PEGAWAI;
            case "barang dan jasa", "barang jasa", "barang" -> EconomicClass.BARANG_JASA;
            case "modal" -> EconomicClass.MODAL;
            default -> null;
        };
    }

    private static final class Parser {
        private final String organisationId;
        private final int year;
        private final LocalDate today;
        private final List<Problem> problems = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final StringBuilder content = new StringBuilder();
        /** Every line id and number the lines sheet names, also of lines refused for a problem of their own. */
        private final Set<String> namedLines = new LinkedHashSet<>();
        /** Numbers that more than one sub kegiatan carries (numbering restarted per kegiatan); their codes tell them apart. */
        private final Set<Integer> repeatedNumbers = new LinkedHashSet<>();

        Parser(String organisationId, int year, LocalDate today) {
            this.organisationId = organisationId;
            this.year = year;
            this.today = today;
        }

        private void problem(String sheet, Integer row, String column, String message) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(Problem.of(sheet, row, column, message));
            }
        }

        /** A line as read, before it is placed in the tree. */
        private record ReadLine(int row, BudgetLine line, int program, String programName, Integer activity,
                                String activityName, Rupiah realised, OutputIndicator programIndicator,
                                String activityObjective, OutputIndicator activityIndicator) {
        }

        /** An entry as read. */
        private record ReadEntry(int row, String lineId, ImportedRealisation entry) {
        }

        DpaWorkbook parse(List<Sheet> sheets) {
            content.append("dpa|").append(organisationId).append('|').append(year).append('\n');
            Sheet linesSheet = null;
            Header lineHeader = null;
            Sheet entriesSheet = null;
            Header entryHeader = null;
            Sheet shownSheet = null;
            Header shownHeader = null;
            Map<Integer, String> programNames = new LinkedHashMap<>();
            for (Sheet sheet : sheets) {
                Header lines = Header.find(sheet, LineColumn.NAME.headings, LineColumn.BUDGET.headings);
                if (lines != null && (linesSheet == null || isDpaSheet(sheet) && !isDpaSheet(linesSheet))) {
                    if (linesSheet != null && shownSheet == null) {
                        shownSheet = linesSheet;
                        shownHeader = lineHeader;
                    }
                    linesSheet = sheet;
                    lineHeader = lines;
                    continue;
                }
                if (lines != null && shownSheet == null && isDpaSheet(linesSheet)) {
                    shownSheet = sheet;
                    shownHeader = lines;
                    continue;
                }
                if (entriesSheet == null) {
                    Header h = Header.find(sheet, EntryColumn.DATE.headings, EntryColumn.AMOUNT.headings);
                    if (h != null) {
                        entriesSheet = sheet;
                        entryHeader = h;
                        continue;
                    }
                }
                Header names = Header.find(sheet, List.of("program"), List.of("nama"));
                if (names != null && programNames.isEmpty()) {
                    programNames.putAll(programNames(sheet, names));
                    continue;
                }
                notes.add("Sheet " + sheet.name() + " diabaikan: bukan sheet anggaran maupun realisasi");
            }
            if (linesSheet == null) {
                problem(sheets.isEmpty() ? null : sheets.get(0).name(), null, null,
                        "tidak ada sheet baris anggaran: perlu baris judul dengan kolom No, Program, Sub kegiatan, "
                                + "Jenis belanja dan Anggaran (unduh templatnya)");
                throw new DpaProblems(problems);
            }
            List<ReadLine> lines = lines(linesSheet, lineHeader);
            if (shownSheet != null) {
                notes.add("Baris anggaran diambil dari sheet " + linesSheet.name() + "; sheet " + shownSheet.name()
                        + " dicocokkan dengannya");
                compare(shownSheet, shownHeader, linesSheet, lineHeader, lines);
            }
            Map<String, ReadLine> byId = new LinkedHashMap<>();
            Map<Integer, String> idByNumber = new LinkedHashMap<>();
            for (ReadLine l : lines) {
                byId.put(l.line().lineId(), l);
                if (!repeatedNumbers.contains(l.line().number())) {
                    idByNumber.put(l.line().number(), l.line().lineId());
                }
            }
            List<ReadEntry> entries = entriesSheet == null ? List.of()
                    : entries(entriesSheet, entryHeader, byId, idByNumber);
            if (entriesSheet == null) {
                notes.add("Tidak ada sheet realisasi: realisasi diambil dari kolom Realisasi sheet " + linesSheet.name());
            }
            Map<String, List<ImportedRealisation>> realisations = realisations(linesSheet, lineHeader, lines, byId,
                    entriesSheet, entries);
            List<BudgetProgram> programs = tree(linesSheet, lineHeader, lines, programNames);
            if (lines.isEmpty() && problems.isEmpty()) {
                problem(linesSheet.name(), null, null, "tidak ada baris anggaran di bawah baris judul");
            }
            if (!problems.isEmpty()) {
                throw new DpaProblems(problems);
            }
            Set<String> recaps = new LinkedHashSet<>();
            for (ReadLine l : lines) {
                if (l.realised() != null && l.realised().isPositive()
                        && entries.stream().noneMatch(e -> e.lineId().equals(l.line().lineId()))) {
                    recaps.add(l.line().lineId());
                }
            }
            return new DpaWorkbook(sha256(content.toString()), new BudgetPart(year, "APBD", programs, realisations),
                    recaps, notes);
        }

        /**
         * Checks the table a person reads (Table 3.9) against the sheet the lines were read from: every sub kegiatan in
         * both, with the same program, name, economic class, amount and realised total; each difference is a problem
         * at the cell of the table read, naming the cell it differs from. Rows are paired by No, and where numbering
         * restarts (one No for several sub kegiatan) by the order they appear in, as both sheets are written.
         */
        private void compare(Sheet shown, Header header, Sheet dpa, Header dpaHeader, List<ReadLine> lines) {
            Map<Integer, java.util.ArrayDeque<ReadLine>> byNumber = new LinkedHashMap<>();
            lines.forEach(l -> byNumber.computeIfAbsent(l.line().number(), n -> new java.util.ArrayDeque<>()).add(l));
            Integer numberColumn = header.column(LineColumn.NUMBER.headings);
            if (numberColumn == null) {
                problem(shown.name(), header.row(), null, "kolom No tidak ada di baris judul; tanpanya sheet ini "
                        + "tidak dapat dicocokkan dengan sheet " + dpa.name());
                return;
            }
            Integer programColumn = header.column(LineColumn.PROGRAM.headings);
            Integer nameColumn = header.column(LineColumn.NAME.headings);
            Integer classColumn = header.column(LineColumn.CLASS.headings);
            Integer budgetColumn = header.column(LineColumn.BUDGET.headings);
            Integer realisedColumn = header.column(LineColumn.REALISED.headings);
            Cells cells = new Cells(shown, header);
            for (Row row : shown.rows()) {
                if (row.number() <= header.row() || cells.isTotal(row, numberColumn, nameColumn)) {
                    continue;
                }
                Integer number = cells.whole(row, numberColumn, true);
                if (number == null) {
                    continue;
                }
                java.util.ArrayDeque<ReadLine> withNumber = byNumber.get(number);
                ReadLine l = withNumber == null ? null : withNumber.poll();
                if (l == null) {
                    problem(shown.name(), row.number(), cells.heading(numberColumn), "sub kegiatan nomor " + number
                            + (withNumber == null ? " tidak ada di sheet " + dpa.name()
                            : " lebih banyak di sheet ini daripada di sheet " + dpa.name()));
                    continue;
                }
                if (programColumn != null) {
                    Integer program = cells.whole(row, programColumn, true);
                    differs(shown, row, cells.heading(programColumn), program, l.program(), program, l.program(),
                            dpa, dpaHeader, LineColumn.PROGRAM, l);
                }
                if (nameColumn != null) {
                    String name = cells.text(row, nameColumn, true, false, MAX_NAME);
                    differs(shown, row, cells.heading(nameColumn), name, l.line().name(), "'" + name + "'",
                            "'" + l.line().name() + "'", dpa, dpaHeader, LineColumn.NAME, l);
                }
                if (classColumn != null) {
                    String text = cells.text(row, classColumn, true, false, MAX_NAME);
                    EconomicClass economicClass = text == null ? null : economicClass(text);
                    differs(shown, row, cells.heading(classColumn), economicClass == null && text != null ? text
                            : economicClass, l.line().economicClass(), "'" + text + "'",
                            "'" + l.line().economicClass().label() + "'", dpa, dpaHeader, LineColumn.CLASS, l);
                }
                if (budgetColumn != null) {
                    Rupiah amount = cells.rupiah(row, budgetColumn, true);
                    differs(shown, row, cells.heading(budgetColumn), amount, l.line().amount(), amount,
                            l.line().amount(), dpa, dpaHeader, LineColumn.BUDGET, l);
                }
                if (realisedColumn != null) {
                    Rupiah realised = cells.rupiah(row, realisedColumn, false);
                    Rupiah expected = l.realised() == null ? Rupiah.ZERO : l.realised();
                    Rupiah given = realised == null ? Rupiah.ZERO : realised;
                    differs(shown, row, cells.heading(realisedColumn), given, expected, given, expected, dpa,
                            dpaHeader, LineColumn.REALISED, l);
                }
            }
            byNumber.values().forEach(left -> left.forEach(l -> problem(shown.name(), null, null, "sub kegiatan nomor "
                    + l.line().number() + " (sheet " + dpa.name() + ", baris " + l.row() + ") tidak ada di sheet ini")));
        }

        /** A problem when a value of the table read, once readable, is not the one of the sheet the lines came from. */
        private void differs(Sheet shown, Row row, String heading, Object value, Object expected, Object said,
                             Object expectedSaid, Sheet dpa, Header dpaHeader, LineColumn column, ReadLine line) {
            if (value == null || value.equals(expected)) {
                return;
            }
            problem(shown.name(), row.number(), heading, said + " tidak sama dengan " + expectedSaid + " di sheet "
                    + dpa.name() + " (baris " + line.row() + ", kolom " + dpaHeader.headingOf(column.headings)
                    + "); perbaiki salah satunya");
        }

        private Map<Integer, String> programNames(Sheet sheet, Header header) {
            Map<Integer, String> names = new LinkedHashMap<>();
            Integer numberColumn = header.column(List.of("program"));
            Integer nameColumn = header.column(List.of("nama"));
            for (Row row : sheet.rows()) {
                if (row.number() <= header.row()) {
                    continue;
                }
                Cell number = row.at(numberColumn);
                Cell name = row.at(nameColumn);
                if (number == null || name == null || name.kind() != Kind.TEXT) {
                    continue;
                }
                String n = number.kind() == Kind.NUMBER ? number.text() : number.text().strip();
                if (n.matches("\\d{1,6}(\\.0+)?")) {
                    names.put(Integer.parseInt(n.replaceAll("\\.0+$", "")), name.text().strip());
                }
            }
            if (!names.isEmpty()) {
                notes.add("Nama program diambil dari sheet " + sheet.name());
            }
            return names;
        }

        private List<ReadLine> lines(Sheet sheet, Header header) {
            Map<LineColumn, Integer> columns = new LinkedHashMap<>();
            for (LineColumn c : LineColumn.values()) {
                Integer at = header.column(c.headings);
                if (at != null) {
                    columns.put(c, at);
                } else if (c.required) {
                    problem(sheet.name(), header.row(), null, "kolom " + LINE_HEADINGS.get(c.ordinal())
                            + " tidak ada di baris judul");
                }
            }
            header.noteIgnored(sheet, columns.values(), notes);
            if (!columns.containsKey(LineColumn.ACTIVITY)) {
                notes.add("Tanpa kolom Kegiatan: setiap program mendapat satu kegiatan bernomor sama dengan programnya");
            }
            List<ReadLine> lines = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            Set<Integer> numbers = new LinkedHashSet<>();
            Cells cells = new Cells(sheet, header);
            for (Row row : sheet.rows()) {
                if (row.number() <= header.row() || cells.isTotal(row, columns.get(LineColumn.NUMBER),
                        columns.get(LineColumn.NAME))) {
                    continue;
                }
                int before = problems.size();
                Integer number = cells.whole(row, columns.get(LineColumn.NUMBER), true);
                String code = cells.text(row, columns.get(LineColumn.CODE), false, true, 100);
                if (code != null && (!CODE.matcher(code).matches() || code.contains(".."))) {
                    problem(sheet.name(), row.number(), cells.heading(columns.get(LineColumn.CODE)),
                            "kode hanya boleh huruf, angka, '.', '_' atau '-' (paling banyak 100): '" + code + "'");
                    code = null;
                }
                Integer program = cells.whole(row, columns.get(LineColumn.PROGRAM), true);
                String programName = cells.text(row, columns.get(LineColumn.PROGRAM_NAME), false, false, MAX_NAME);
                Integer activity = cells.whole(row, columns.get(LineColumn.ACTIVITY),
                        columns.containsKey(LineColumn.ACTIVITY));
                String activityName = cells.text(row, columns.get(LineColumn.ACTIVITY_NAME), false, false, MAX_NAME);
                String name = cells.text(row, columns.get(LineColumn.NAME), true, false, MAX_NAME);
                String classText = cells.text(row, columns.get(LineColumn.CLASS), true, false, MAX_NAME);
                EconomicClass economicClass = classText == null ? null : economicClass(classText);
                if (classText != null && economicClass == null) {
                    problem(sheet.name(), row.number(), cells.heading(columns.get(LineColumn.CLASS)),
                            "bukan jenis belanja: '" + classText + "' (Belanja Pegawai, Belanja Barang dan Jasa "
                                    + "atau Belanja Modal)");
                }
                Rupiah amount = cells.rupiah(row, columns.get(LineColumn.BUDGET), true);
                Rupiah realised = cells.rupiah(row, columns.get(LineColumn.REALISED), false);
                String objective = cells.text(row, columns.get(LineColumn.OBJECTIVE), false, true, 100);
                String indicator = cells.text(row, columns.get(LineColumn.INDICATOR), false, false, MAX_NAME);
                BigDecimal target = cells.decimal(row, columns.get(LineColumn.TARGET));
                String unit = cells.text(row, columns.get(LineColumn.UNIT), false, false, 100);
                String programIndicator = cells.text(row, columns.get(LineColumn.PROGRAM_INDICATOR), false, false,
                        MAX_NAME);
                BigDecimal programTarget = cells.decimal(row, columns.get(LineColumn.PROGRAM_TARGET));
                String programUnit = cells.text(row, columns.get(LineColumn.PROGRAM_UNIT), false, false, 100);
                String activityObjective = cells.text(row, columns.get(LineColumn.ACTIVITY_OBJECTIVE), false, true,
                        100);
                String activityIndicator = cells.text(row, columns.get(LineColumn.ACTIVITY_INDICATOR), false, false,
                        MAX_NAME);
                BigDecimal activityTarget = cells.decimal(row, columns.get(LineColumn.ACTIVITY_TARGET));
                String activityUnit = cells.text(row, columns.get(LineColumn.ACTIVITY_UNIT), false, false, 100);
                String lineId = code != null ? code : number == null ? null : number.toString();
                if (number != null && !numbers.add(number)) {
                    repeatedNumbers.add(number);
                }
                if (lineId != null) {
                    namedLines.add(lineId);
                }
                if (number != null) {
                    namedLines.add(number.toString());
                }
                if (lineId != null && !ids.add(lineId)) {
                    problem(sheet.name(), row.number(), cells.heading(columns.get(code != null ? LineColumn.CODE
                            : LineColumn.NUMBER)), "sub kegiatan " + lineId + " sudah ada di baris sebelumnya");
                }
                if (amount != null && realised != null && realised.compareTo(amount) > 0) {
                    problem(sheet.name(), row.number(), cells.heading(columns.get(LineColumn.REALISED)),
                            "realisasi " + realised + " melebihi anggaran " + amount);
                }
                if (problems.size() > before) {
                    continue;
                }
                OutputIndicator output = indicator(indicator, target, unit);
                BudgetLine line = new BudgetLine(lineId, number, name, economicClass, objective, output, amount);
                lines.add(new ReadLine(row.number(), line, program, programName, activity, activityName, realised,
                        indicator(programIndicator, programTarget, programUnit), activityObjective,
                        indicator(activityIndicator, activityTarget, activityUnit)));
                content.append("line|").append(lineId).append('|').append(number).append('|').append(program)
                        .append('|').append(programName).append('|').append(activity).append('|')
                        .append(activityName).append('|').append(name).append('|').append(economicClass.code())
                        .append('|').append(amount.value()).append('|')
                        .append(realised == null ? "" : realised.value()).append('|').append(objective).append('|')
                        .append(indicator).append('|').append(target == null ? "" : target.toPlainString())
                        .append('|').append(unit);
                if (programIndicator != null || programTarget != null || programUnit != null
                        || activityObjective != null || activityIndicator != null || activityTarget != null
                        || activityUnit != null) {
                    content.append('|').append(programIndicator).append('|')
                            .append(programTarget == null ? "" : programTarget.toPlainString()).append('|')
                            .append(programUnit).append('|').append(activityObjective).append('|')
                            .append(activityIndicator).append('|')
                            .append(activityTarget == null ? "" : activityTarget.toPlainString()).append('|')
                            .append(activityUnit);
                }
                content.append('\n');
            }
            return lines;
        }

        private static OutputIndicator indicator(String name, BigDecimal target, String unit) {
            return name == null && target == null && unit == null ? null : new OutputIndicator(name, target, unit);
        }

        private List<ReadEntry> entries(Sheet sheet, Header header, Map<String, ReadLine> byId,
                                        Map<Integer, String> idByNumber) {
            Map<EntryColumn, Integer> columns = new LinkedHashMap<>();
            for (EntryColumn c : EntryColumn.values()) {
                Integer at = header.column(c.headings);
                if (at != null) {
                    columns.put(c, at);
                } else if (c.required) {
                    problem(sheet.name(), header.row(), null, "kolom " + ENTRY_HEADINGS.get(c.ordinal())
                            + " tidak ada di baris judul");
                }
            }
            header.noteIgnored(sheet, columns.values(), notes);
            List<ReadEntry> entries = new ArrayList<>();
            Cells cells = new Cells(sheet, header);
            for (Row row : sheet.rows()) {
                if (row.number() <= header.row() || cells.isTotal(row, columns.get(EntryColumn.LINE),
                        columns.get(EntryColumn.DOCUMENT))) {
                    continue;
                }
                int before = problems.size();
                String lineRef = cells.text(row, columns.get(EntryColumn.LINE), true, true, 100);
                String lineId = null;
                boolean lineRefused = false;
                if (lineRef != null) {
                    String ref = lineRef.matches("\\d+\\.0+") ? lineRef.replaceAll("\\.0+$", "") : lineRef;
                    lineId = byId.containsKey(ref) ? ref
                            : ref.matches("\\d{1,9}") ? idByNumber.get(Integer.parseInt(ref)) : null;
                    lineRefused = lineId == null && namedLines.contains(ref);
                    if (lineId == null && ref.matches("\\d{1,9}") && repeatedNumbers.contains(Integer.parseInt(ref))) {
                        problem(sheet.name(), row.number(), cells.heading(columns.get(EntryColumn.LINE)),
                                "nomor sub kegiatan " + ref + " dipakai lebih dari satu sub kegiatan; tulis kodenya");
                        lineRefused = true;
                    } else if (lineId == null && !lineRefused) {
                        problem(sheet.name(), row.number(), cells.heading(columns.get(EntryColumn.LINE)),
                                "tidak ada sub kegiatan '" + lineRef + "' di sheet anggaran");
                    }
                }
                LocalDate date = cells.date(row, columns.get(EntryColumn.DATE));
                String document = cells.text(row, columns.get(EntryColumn.DOCUMENT), true, true, MAX_DOCUMENT);
                Rupiah amount = cells.rupiah(row, columns.get(EntryColumn.AMOUNT), true);
                String description = cells.text(row, columns.get(EntryColumn.DESCRIPTION), false, false, MAX_NAME);
                if (amount != null && !amount.isPositive()) {
                    problem(sheet.name(), row.number(), cells.heading(columns.get(EntryColumn.AMOUNT)),
                            "harus lebih dari 0");
                }
                if (date != null) {
                    checkDate(date, sheet.name(), row.number(), cells.heading(columns.get(EntryColumn.DATE)));
                }
                if (problems.size() > before || lineRefused) {
                    continue;
                }
                entries.add(new ReadEntry(row.number(), lineId,
                        new ImportedRealisation(date, amount, document, description)));
                content.append("entry|").append(lineId).append('|').append(date).append('|').append(document)
                        .append('|').append(amount.value()).append('|').append(description).append('\n');
            }
            return entries;
        }

        private void checkDate(LocalDate date, String sheet, int row, String column) {
            if (date.getYear() != year) {
                problem(sheet, row, column, "tanggal " + IndonesianInput.date(date) + " di luar tahun anggaran " + year);
            } else if (date.isAfter(today)) {
                problem(sheet, row, column, "tanggal " + IndonesianInput.date(date) + " sesudah hari ini ("
                        + IndonesianInput.date(today) + ")");
            }
        }

        private Map<String, List<ImportedRealisation>> realisations(Sheet linesSheet, Header lineHeader,
                                                                    List<ReadLine> lines, Map<String, ReadLine> byId,
                                                                    Sheet entriesSheet, List<ReadEntry> entries) {
            Map<String, List<ImportedRealisation>> byLine = new LinkedHashMap<>();
            lines.forEach(l -> byLine.put(l.line().lineId(), new ArrayList<>()));
            Map<String, Long> sums = new LinkedHashMap<>();
            for (ReadEntry e : entries) {
                ReadLine line = byId.get(e.lineId());
                long sum = sums.merge(e.lineId(), e.entry().amount().value(), Long::sum);
                if (sum > line.line().amount().value() && sum - e.entry().amount().value()
                        <= line.line().amount().value()) {
                    problem(entriesSheet.name(), e.row(), headingOf(entriesSheet, EntryColumn.AMOUNT),
                            "realisasi sub kegiatan " + e.lineId() + " menjadi " + Rupiah.of(sum)
                                    + ", melebihi anggarannya " + line.line().amount());
                }
                byLine.get(e.lineId()).add(e.entry());
            }
            String realisedHeading = lineHeader.headingOf(LineColumn.REALISED.headings);
            for (ReadLine l : lines) {
                Long sum = sums.get(l.line().lineId());
                if (sum != null && l.realised() != null && sum != l.realised().value()) {
                    problem(linesSheet.name(), l.row(), realisedHeading, "realisasi " + l.realised()
                            + " tidak sama dengan jumlah entrinya di sheet " + entriesSheet.name() + " ("
                            + Rupiah.of(sum) + ")");
                } else if (sum == null && l.realised() != null && l.realised().isPositive()) {
                    if (today.isBefore(LocalDate.of(year, 1, 1))) {
                        problem(linesSheet.name(), l.row(), realisedHeading, "tahun anggaran " + year
                                + " belum dimulai; realisasinya belum dapat dicatat");
                        continue;
                    }
                    LocalDate end = LocalDate.of(year, 12, 31);
                    LocalDate date = today.isBefore(end) ? today : end;
                    String document = "REKAP-" + year + "-" + l.line().lineId();
                    byLine.get(l.line().lineId()).add(new ImportedRealisation(date, l.realised(),
                            document.length() <= MAX_DOCUMENT ? document : "REKAP-" + year,
                            "Rekap realisasi s.d. " + IndonesianInput.date(date)
                                    + " dari buku kerja DPA (kolom Realisasi, tanpa rincian SP2D/SPJ)"));
                }
            }
            return byLine;
        }

        private String headingOf(Sheet sheet, EntryColumn column) {
            Header h = Header.find(sheet, EntryColumn.DATE.headings, EntryColumn.AMOUNT.headings);
            return h == null ? null : h.headingOf(column.headings);
        }

        private List<BudgetProgram> tree(Sheet sheet, Header header, List<ReadLine> lines,
                                         Map<Integer, String> programNames) {
            Map<Integer, String> programs = new LinkedHashMap<>();
            Map<Integer, Integer> activityProgram = new LinkedHashMap<>();
            Map<Integer, String> activityNames = new LinkedHashMap<>();
            Map<Integer, List<BudgetLine>> activityLines = new LinkedHashMap<>();
            Map<Integer, OutputIndicator> programIndicators = new LinkedHashMap<>();
            Map<Integer, String> activityObjectives = new LinkedHashMap<>();
            Map<Integer, OutputIndicator> activityIndicators = new LinkedHashMap<>();
            String programHeading = header.headingOf(LineColumn.PROGRAM_NAME.headings);
            String activityHeading = header.headingOf(LineColumn.ACTIVITY.headings);
            String activityNameHeading = header.headingOf(LineColumn.ACTIVITY_NAME.headings);
            for (ReadLine l : lines) {
                String programName = l.programName() != null ? l.programName()
                        : programNames.getOrDefault(l.program(), programs.get(l.program()));
                String known = programs.get(l.program());
                if (known != null && l.programName() != null && !known.equals(l.programName())) {
                    problem(sheet.name(), l.row(), programHeading, "program " + l.program() + " sudah bernama '"
                            + known + "' di baris sebelumnya");
                }
                programs.putIfAbsent(l.program(), programName);
                int activity = l.activity() != null ? l.activity() : l.program();
                Integer owner = activityProgram.putIfAbsent(activity, l.program());
                if (owner != null && owner != l.program()) {
                    problem(sheet.name(), l.row(), activityHeading, "kegiatan " + activity + " sudah ada di bawah "
                            + "program " + owner);
                }
                String activityName = l.activityName() != null ? l.activityName()
                        : l.activity() == null ? "Kegiatan program " + l.program() : null;
                String knownActivity = activityNames.get(activity);
                if (knownActivity != null && activityName != null && !knownActivity.equals(activityName)
                        && l.activityName() != null) {
                    problem(sheet.name(), l.row(), activityNameHeading, "kegiatan " + activity + " sudah bernama '"
                            + knownActivity + "' di baris sebelumnya");
                }
                if (activityName != null) {
                    activityNames.putIfAbsent(activity, activityName);
                }
                same(sheet, header, l.row(), LineColumn.PROGRAM_INDICATOR, "program " + l.program(),
                        programIndicators, l.program(), l.programIndicator());
                same(sheet, header, l.row(), LineColumn.ACTIVITY_OBJECTIVE, "kegiatan " + activity,
                        activityObjectives, activity, l.activityObjective());
                same(sheet, header, l.row(), LineColumn.ACTIVITY_INDICATOR, "kegiatan " + activity,
                        activityIndicators, activity, l.activityIndicator());
                activityLines.computeIfAbsent(activity, a -> new ArrayList<>()).add(l.line());
            }
            List<BudgetProgram> tree = new ArrayList<>();
            programs.forEach((number, name) -> {
                List<BudgetActivity> activities = new ArrayList<>();
                activityProgram.forEach((activity, program) -> {
                    if (program.equals(number)) {
                        activities.add(new BudgetActivity(activity, activityNames.getOrDefault(activity,
                                "Kegiatan " + activity), activityObjectives.get(activity),
                                activityIndicators.get(activity), activityLines.get(activity)));
                    }
                });
                tree.add(new BudgetProgram(number, name == null ? "Program " + number : name,
                        programIndicators.get(number), activities));
            });
            return tree;
        }

        /**
         * Keeps the sasaran or indicator a program's or kegiatan's first row gives; a later row of the same one giving
         * another is a problem at its first column of that kind.
         */
        private <T> void same(Sheet sheet, Header header, int row, LineColumn column, String owner,
                              Map<Integer, T> known, int key, T value) {
            if (value == null) {
                return;
            }
            T before = known.putIfAbsent(key, value);
            if (before != null && !before.equals(value)) {
                problem(sheet.name(), row, header.headingOf(column.headings), owner + " sudah ber"
                        + (column == LineColumn.ACTIVITY_OBJECTIVE ? "sasaran '" + before + "'" : "indikator '"
                        + shown((OutputIndicator) before) + "'") + " di baris sebelumnya");
            }
        }

        private static String shown(OutputIndicator indicator) {
            return (indicator.name() == null ? "" : indicator.name())
                    + (indicator.target() == null ? "" : ", target " + IndonesianFormat.number(indicator.target()))
                    + (indicator.unit() == null ? "" : " " + indicator.unit());
        }
        /** Reads typed values from the cells of one sheet, reporting each problem by row and column name. */
        private final class Cells {
            private final Sheet sheet;
            private final Header header;

            Cells(Sheet sheet, Header header) {
                this.sheet = sheet;
                this.header = header;
            }

            String heading(Integer column) {
                return column == null ? null : header.headings().get(column);
            }

            private void problem(Row row, Integer column, String message) {
                Parser.this.problem(sheet.name(), row.number(), heading(column), message);
            }

            /** A total row ("Jumlah") or a row without any of the key cells is not a line. */
            boolean isTotal(Row row, Integer key, Integer name) {
                Cell k = row.at(key);
                Cell n = row.at(name);
                if (k != null) {
                    return false;
                }
                if (n == null) {
                    return row.cells().values().stream().allMatch(c -> c.kind() == Kind.TEXT && c.text().isBlank());
                }
                String s = n.kind() == Kind.TEXT ? normalised(n.text()) : "";
                return s.equals("jumlah") || s.equals("total") || s.equals("jumlah total") || s.startsWith("jumlah ");
            }

            /** Refuses a cell Excel could not give a value for. */
            private boolean unusable(Row row, Integer column, Cell cell) {
                if (cell.kind() == Kind.FORMULA_WITHOUT_VALUE) {
                    problem(row, column, "rumus tanpa nilai tersimpan" + (cell.text().isBlank() ? "" : " (="
                            + cell.text() + ")") + "; buka dan simpan ulang di Excel, atau tulis nilainya");
                    return true;
                }
                if (cell.kind() == Kind.ERROR) {
                    problem(row, column, "sel berisi galat " + cell.text());
                    return true;
                }
                return false;
            }

            private Cell required(Row row, Integer column, boolean required) {
                if (column == null) {
                    return null;
                }
                Cell cell = row.at(column);
                if (cell == null) {
                    if (required) {
                        problem(row, column, "wajib diisi");
                    }
                    return null;
                }
                return unusable(row, column, cell) ? null : cell;
            }

            Integer whole(Row row, Integer column, boolean required) {
                Cell cell = required(row, column, required);
                if (cell == null) {
                    return null;
                }
                String s = cell.kind() == Kind.NUMBER ? cell.text() : cell.text().strip();
                if (cell.kind() == Kind.NUMBER && cell.number() == Math.rint(cell.number()) && cell.number() >= 1
                        && cell.number() <= 1_000_000) {
                    return (int) cell.number();
                }
                if (cell.kind() == Kind.TEXT && s.matches("\\d{1,6}") && Integer.parseInt(s) >= 1) {
                    return Integer.parseInt(s);
                }
                problem(row, column, "bukan nomor bulat positif: '" + (cell.kind() == Kind.NUMBER
                        ? IndonesianFormat.number(new BigDecimal(s)) : s) + "'");
                return null;
            }

            String text(Row row, Integer column, boolean required, boolean identifier, int max) {
                Cell cell = required(row, column, required);
                if (cell == null) {
                    return null;
                }
                String s = cell.kind() == Kind.NUMBER ? new BigDecimal(cell.text()).stripTrailingZeros().toPlainString()
                        : cell.text().strip();
                if (s.length() > max) {
                    problem(row, column, "lebih dari " + max + " karakter");
                    return null;
                }
                int at = identifier ? TextRules.refusedInIdentifier(s) : TextRules.refusedInText(s);
                if (at >= 0) {
                    problem(row, column, "berisi karakter yang tidak diizinkan (U+"
                            + String.format("%04X", (int) s.charAt(at)) + ")");
                    return null;
                }
                if (s.isEmpty()) {
                    if (required) {
                        problem(row, column, "wajib diisi");
                    }
                    return null;
                }
                return s;
            }

            Rupiah rupiah(Row row, Integer column, boolean required) {
                Cell cell = required(row, column, required);
                if (cell == null) {
                    return null;
                }
                try {
                    return switch (cell.kind()) {
                        case NUMBER -> Rupiah.of(IndonesianInput.rupiah(cell.number()));
                        case TEXT -> Rupiah.of(cell.text().strip().equals("-") ? 0 : IndonesianInput.rupiah(cell.text()));
                        default -> throw new IllegalArgumentException("bukan angka: '" + cell.text() + "'");
                    };
                } catch (IllegalArgumentException e) {
                    problem(row, column, e.getMessage());
                    return null;
                }
            }

            BigDecimal decimal(Row row, Integer column) {
                Cell cell = required(row, column, false);
                if (cell == null) {
                    return null;
                }
                BigDecimal d;
                if (cell.kind() == Kind.NUMBER) {
                    d = new BigDecimal(cell.text());
                } else {
                    String s = cell.text().strip();
                    if (s.equals("-")) {
                        return null;
                    }
                    if (!s.matches("\\d{1,3}(\\.\\d{3})*(,\\d+)?|\\d+(,\\d+)?")) {
                        problem(row, column, "bukan angka: '" + s + "'");
                        return null;
                    }
                    d = new BigDecimal(s.replace(".", "").replace(',', '.'));
                }
                d = d.stripTrailingZeros();
                if (d.signum() < 0 || d.scale() > 2 || d.precision() - d.scale() > 12) {
                    problem(row, column, "harus angka 0 atau lebih dengan paling banyak 2 desimal");
                    return null;
                }
                return d.scale() < 0 ? d.setScale(0) : d;
            }

            LocalDate date(Row row, Integer column) {
                Cell cell = required(row, column, true);
                if (cell == null) {
                    return null;
                }
                if (cell.kind() == Kind.NUMBER) {
                    if (cell.dateFormatted() && org.apache.poi.ss.usermodel.DateUtil.isValidExcelDate(cell.number())) {
                        return org.apache.poi.ss.usermodel.DateUtil.getLocalDateTime(cell.number()).toLocalDate();
                    }
                    problem(row, column, "angka " + cell.text() + " bukan tanggal; format selnya sebagai tanggal atau "
                            + "tulis 20-11-2023");
                    return null;
                }
                try {
                    return IndonesianInput.date(cell.text());
                } catch (IllegalArgumentException e) {
                    problem(row, column, e.getMessage());
                    return null;
                }
            }
        }
    }

    /** The heading row of a sheet: the row where the columns are named, and each column's heading. */
    private record Header(int row, Map<Integer, String> headings) {

        static Header find(Sheet sheet, List<String> first, List<String> second) {
            int searched = 0;
            for (Row row : sheet.rows()) {
                if (searched++ >= HEADER_SEARCH_ROWS) {
                    return null;
                }
                Map<Integer, String> headings = new LinkedHashMap<>();
                row.cells().forEach((column, cell) -> {
                    if (cell.kind() == Kind.TEXT) {
                        headings.put(column, cell.text().strip());
                    }
                });
                Header h = new Header(row.number(), headings);
                if (h.column(first) != null && h.column(second) != null) {
                    return h;
                }
            }
            return null;
        }

        Integer column(List<String> names) {
            for (Map.Entry<Integer, String> e : headings.entrySet()) {
                if (names.contains(normalised(e.getValue()))) {
                    return e.getKey();
                }
            }
            return null;
        }

        String headingOf(List<String> names) {
            Integer c = column(names);
            return c == null ? null : headings.get(c);
        }

        void noteIgnored(Sheet sheet, java.util.Collection<Integer> used, List<String> notes) {
            List<String> ignored = new ArrayList<>();
            headings.forEach((column, heading) -> {
                if (!used.contains(column) && !heading.isEmpty()) {
                    ignored.add(heading);
                }
            });
            if (!ignored.isEmpty()) {
                boolean computed = ignored.stream().allMatch(h -> COMPUTED.contains(normalised(h)));
                notes.add("Sheet " + sheet.name() + ": kolom " + String.join(", ", ignored) + " diabaikan"
                        + (computed ? " (dihitung ulang oleh buku besar)" : ""));
            }
        }
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
