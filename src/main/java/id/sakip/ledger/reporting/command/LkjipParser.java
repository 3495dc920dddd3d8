package id.sakip.ledger.reporting.command;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import id.sakip.ledger.budget.api.BudgetActivity;
import id.sakip.ledger.budget.api.BudgetLine;
import id.sakip.ledger.budget.api.BudgetProgram;
import id.sakip.ledger.budget.api.EconomicClass;
import id.sakip.ledger.budget.api.OutputIndicator;
import id.sakip.ledger.performance.computation.CategoryScale;
import id.sakip.ledger.performance.computation.ScaleBand;
import id.sakip.ledger.performance.computation.ScaleKind;
import id.sakip.ledger.reporting.api.PrintedTable;
import id.sakip.ledger.reporting.command.LkjipDocument.BudgetPart;
import id.sakip.ledger.reporting.command.LkjipDocument.Goal;
import id.sakip.ledger.reporting.command.LkjipDocument.ImportedRealisation;
import id.sakip.ledger.reporting.command.LkjipDocument.Indicator;
import id.sakip.ledger.reporting.command.LkjipDocument.Objective;
import id.sakip.ledger.reporting.command.LkjipDocument.OrganisationPart;
import id.sakip.ledger.reporting.command.LkjipDocument.PlanPart;
import id.sakip.ledger.shared.IndonesianFormat;
import id.sakip.ledger.shared.Rupiah;

/**
 * Reads an LKjIP YAML file safely (plain data only: no tags that build objects, bounded aliases,
 * bounded size and depth) and validates all of it, first against the file format's JSON Schema
 * ({@link LkjipSchema}), listing every problem with its path in the file.
 */
public final class LkjipParser {

    /**
     * The largest file read: 4 MB. Parsing is linear in the file (a profile of a 6 MB file shows no hot spot;
     * about 0,2 to 0,3 s per MB on one core), and a file this size already holds more realisations than one
     * commit takes ({@code CommitLog.MAX_COMMIT_BYTES}, about 15 000), so a larger file could only be
     * refused later, after holding a core for seconds.
     */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final List<LkjipProblems.Problem> problems = new ArrayList<>();
    private final Set<String> schemaPaths = new HashSet<>();

    private LkjipParser() {
    }

    /** Parses and validates; throws {@link LkjipProblems} listing every problem when the file is invalid. */
    public static LkjipDocument parse(byte[] bytes, LocalDate today) {
        return new LkjipParser().read(bytes, today);
    }

    private LkjipDocument read(byte[] bytes, LocalDate today) {
        if (bytes.length > MAX_BYTES) {
            throw new LkjipProblems(List.of(new LkjipProblems.Problem("$", "berkas lebih besar dari 4 MB; bagi menjadi beberapa berkas")));
        }
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(50);
            options.setAllowRecursiveKeys(false);
            options.setNestingDepthLimit(40);
            options.setCodePointLimit(MAX_BYTES);
            options.setAllowDuplicateKeys(false);
            Yaml yaml = new Yaml(new SafeConstructor(options));
            root = yaml.load(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
        } catch (YAMLException e) {
            throw new LkjipProblems(List.of(new LkjipProblems.Problem("$", "bukan YAML yang sah" + where(e))));
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new LkjipProblems(List.of(new LkjipProblems.Problem("$", "berkas harus berupa pemetaan YAML (kunci: nilai)")));
        }
        for (LkjipProblems.Problem p : LkjipSchema.problems(map)) {
            if (schemaPaths.add(p.path()) && problems.size() < 500) {
                problems.add(p);
            }
        }
        OrganisationPart organisation = organisation(map(map, "organisation", "organisation", true));
        BudgetPart budget = budget(map(map, "budget", "budget", false), today);
        PlanPart plan = plan(map(map, "strategic_plan", "strategic_plan", false));
        Map<String, Object> amendment = map(map, "amendment", "amendment", false);
        Integer reportYear = reportYear(map, budget, plan);
        List<PrintedTable> printed = printed(map.get("printed"), amendment, reportYear);
        List<LkjipDocument.ImportedScale> scales = gradingScales(map(map, "grading_scales", "grading_scales", false),
                reportYear);
        if (budget == null && plan == null && problems.isEmpty()) {
            problem("$", "berkas tidak memuat budget maupun strategic_plan");
        }
        if (!problems.isEmpty()) {
            throw new LkjipProblems(problems);
        }
        return new LkjipDocument(sha256(bytes), organisation, budget, plan, printed, scales);
    }

    /**
     * The {@code capaian} and {@code efficiency} scales of {@code grading_scales} (the national
     * {@code sakip} and {@code skm} scales there are quotations and stay code). Each is a list of bands
     * ({@code above}/{@code from}, {@code upto}/{@code below}, {@code label}, or {@code rule: "> 0"} and a
     * label) or a mapping {@code {effective_from, legal_basis, reason, cap, bands}}.
     */
    private List<LkjipDocument.ImportedScale> gradingScales(Map<String, Object> block, Integer reportYear) {
        List<LkjipDocument.ImportedScale> scales = new ArrayList<>();
        if (block == null) {
            return scales;
        }
        for (ScaleKind kind : ScaleKind.values()) {
            Object v = block.get(kind.code());
            String path = "grading_scales." + kind.code();
            if (v == null) {
                continue;
            }
            Integer effectiveFrom = reportYear;
            String legalBasis = "LKjIP (berkas impor)";
            String reason = "Skala yang dikutip LKjIP yang diimpor";
            BigDecimal cap = null;
            List<?> bands;
            if (v instanceof Map<?, ?> m) {
                for (Object key : m.keySet()) {
                    if (!Set.of("effective_from", "legal_basis", "reason", "cap", "bands", "note").contains(key)) {
                        problem(path + "." + key,
                                "kunci tidak dikenal (effective_from, legal_basis, reason, cap, bands, note)");
                    }
                }
                Integer year = integer(m, "effective_from", path + ".effective_from", false);
                effectiveFrom = year == null ? effectiveFrom : year;
                String basis = text(m, "legal_basis", path + ".legal_basis", false);
                legalBasis = basis == null || basis.isEmpty() ? legalBasis : basis;
                String why = text(m, "reason", path + ".reason", false);
                reason = why == null || why.isEmpty() ? reason : why;
                cap = bound(m.get("cap"), path + ".cap");
                bands = list(m, "bands", path + ".bands", true);
            } else if (v instanceof List<?> l) {
                bands = l;
            } else {
                problem(path, "harus daftar pita atau mapping dengan bands");
                continue;
            }
            List<ScaleBand> parts = new ArrayList<>();
            boolean readable = true;
            for (int i = 0; i < bands.size(); i++) {
                String bp = path + (v instanceof Map ? ".bands[" : "[") + i + "]";
                if (!(bands.get(i) instanceof Map<?, ?> b)) {
                    problem(bp, "harus mapping (above/from, upto/below, label atau rule)");
                    readable = false;
                    continue;
                }
                for (Object key : b.keySet()) {
                    if (!Set.of("above", "from", "upto", "below", "rule", "label", "grade", "note").contains(key)) {
                        problem(bp + "." + key,
                                "kunci tidak dikenal (above, from, upto, below, rule, label, grade, note)");
                        readable = false;
                    }
                }
                String label = text(b, "label", bp + ".label", true);
                String rule = text(b, "rule", bp + ".rule", false);
                try {
                    parts.add(ScaleBand.of(bound(b.get("above"), bp + ".above"), bound(b.get("from"), bp + ".from"),
                            bound(b.get("upto"), bp + ".upto"), bound(b.get("below"), bp + ".below"), rule, label));
                } catch (IllegalArgumentException bad) {
                    problem(rule == null ? bp : bp + ".rule", bad.getMessage());
                    readable = false;
                }
            }
            if (effectiveFrom == null) {
                problem(path + ".effective_from", "wajib diisi bila berkas tidak memuat budget atau strategic_plan");
                continue;
            }
            if (!readable) {
                continue;
            }
            CategoryScale scale = new CategoryScale(cap, parts);
            scale.problems().forEach(message -> problem(path, message));
            if (cap != null && kind != ScaleKind.CAPAIAN) {
                problem(path + ".cap", "batas (cap) hanya berlaku untuk skala capaian");
            }
            scales.add(new LkjipDocument.ImportedScale(kind, effectiveFrom, legalBasis, reason, cap, scale.bands()));
        }
        return scales;
    }

    /** A bound of a band: a number, negative allowed, with at most 2 decimals. */
    private BigDecimal bound(Object v, String path) {
        if (v == null) {
            return null;
        }
        if (!(v instanceof Integer || v instanceof Long || v instanceof BigInteger || v instanceof Double)) {
            problem(path, "harus angka");
            return null;
        }
        BigDecimal d = new BigDecimal(v.toString());
        if (d.stripTrailingZeros().scale() > 2 || d.abs().compareTo(new BigDecimal("1000000")) > 0) {
            problem(path, "harus angka dengan paling banyak 2 desimal, antara -1.000.000 dan 1.000.000");
            return null;
        }
        return d;
    }

    /** A problem the schema has not already reported at the same path. */
    private void problem(String path, String message) {
        if (problems.size() < 500 && !schemaPaths.contains(path)) {
            problems.add(new LkjipProblems.Problem(path, message));
        }
    }

    /**
     * The year of the LKjIP the file reports on, for printed tables that name none: {@code report_year}, else
     * the budget's fiscal year, else the latest year in which an indicator has a realisation.
     */
    private Integer reportYear(Map<?, ?> root, BudgetPart budget, PlanPart plan) {
        Integer year = integer(root, "report_year", "report_year", false);
        if (year != null) {
            return year;
        }
        if (budget != null) {
            return budget.fiscalYear();
        }
        if (plan == null) {
            return null;
        }
        return plan.goals().stream().flatMap(g -> g.objectives().stream()).flatMap(o -> o.indicators().stream())
                .flatMap(i -> i.realisations().keySet().stream()).max(Integer::compare).orElse(null);
    }

    /** The printed tables, of the list form or the keyed form, each with its year. */
    @SuppressWarnings("unchecked")
    private List<PrintedTable> printed(Object raw, Map<String, Object> amendment, Integer reportYear) {
        if (raw == null && amendment == null) {
            return List.of();
        }
        if (raw != null && !(raw instanceof Map) && !(raw instanceof List)) {
            problem("printed", "harus berupa daftar tabel atau pemetaan (kunci: nilai)");
            return List.of();
        }
        if (reportYear == null) {
            problem(raw == null ? "amendment" : "printed", "tahun laporan tercetak tidak diketahui: isi "
                    + "report_year, budget, atau realisasi indikator pada strategic_plan");
            return List.of();
        }
        List<PrintedTable> tables = new ArrayList<>();
        if (raw instanceof Map<?, ?> keyed) {
            Map<String, Object> copy = new LinkedHashMap<>();
            keyed.forEach((k, v) -> {
                if (v instanceof Map<?, ?> m) {
                    copy.put(String.valueOf(k), plain(m));
                } else {
                    problem("printed." + k, "harus berupa pemetaan (kunci: nilai)");
                }
            });
            return PrintedTables.fromKeyed(copy, amendment == null ? null : (Map<String, Object>) plain(amendment),
                    reportYear);
        }
        Set<String> seen = new HashSet<>();
        List<Object> list = raw == null ? List.of() : (List<Object>) raw;
        for (int t = 0; t < list.size(); t++) {
            String tp = "printed[" + t + "]";
            if (!(list.get(t) instanceof Map<?, ?> tm)) {
                problem(tp, "must be a mapping");
                continue;
            }
            String label = text(tm, "label", tp + ".label", true);
            String kind = text(tm, "kind", tp + ".kind", true);
            if (kind != null && !PrintedTable.KINDS.contains(kind)) {
                problem(tp + ".kind", "harus salah satu dari: " + String.join(", ", PrintedTable.KINDS));
                kind = null;
            }
            Integer year = tm.get("year") == null ? reportYear : integer(tm, "year", tp + ".year", false);
            if (year != null && (year < 2000 || year > 2100)) {
                problem(tp + ".year", "must be a year between 2000 and 2100");
                year = null;
            }
            Map<String, Object> rows = map(tm, "rows", tp + ".rows", true);
            if (label != null && year != null && !seen.add(year + " " + label)) {
                problem(tp + ".label", label + " tahun " + year + " tercantum dua kali");
            }
            if (label != null && !label.isEmpty() && kind != null && year != null && rows != null) {
                tables.add(new PrintedTable(label, kind, year, null, (Map<String, Object>) plain(rows)));
            }
        }
        if (amendment != null) {
            tables.addAll(PrintedTables.fromKeyed(null, (Map<String, Object>) plain(amendment), reportYear));
        }
        return tables;
    }

    /** A copy of YAML data with text keys and dates as YYYY-MM-DD, as it reads back from the event store. */
    private static Object plain(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, value) -> copy.put(String.valueOf(k), plain(value)));
            return copy;
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(item -> copy.add(plain(item)));
            return copy;
        }
        if (v instanceof Date d) {
            return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Map<?, ?> parent, String key, String path, boolean required) {
        Object v = parent.get(key);
        if (v == null) {
            if (required) {
                problem(path, "wajib diisi");
            }
            return null;
        }
        if (!(v instanceof Map)) {
            problem(path, "harus berupa pemetaan (kunci: nilai)");
            return null;
        }
        return (Map<String, Object>) v;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Map<?, ?> parent, String key, String path, boolean required) {
        Object v = parent.get(key);
        if (v == null) {
            if (required) {
                problem(path, "wajib diisi");
            }
            return List.of();
        }
        if (!(v instanceof List)) {
            problem(path, "harus berupa daftar");
            return List.of();
        }
        return (List<Object>) v;
    }

    private String text(Map<?, ?> parent, String key, String path, boolean required) {
        Object v = parent.get(key);
        if (v == null) {
            if (required) {
                problem(path, "wajib diisi");
            }
            return null;
        }
        if (v instanceof Map || v instanceof List) {
            problem(path, "harus berupa teks");
            return null;
        }
        String s = v.toString().strip();
        if (s.length() > 2_000) {
            problem(path, "lebih dari 2000 karakter");
            return null;
        }
        boolean identifier = id.sakip.ledger.shared.TextRules.isIdentifier(key) || key.equals("code");
        if ((identifier ? id.sakip.ledger.shared.TextRules.refusedInIdentifier(s)
                : id.sakip.ledger.shared.TextRules.refusedInText(s)) >= 0) {
            problem(path, identifier ? "memuat karakter kendali, bidi atau lebar-nol"
                    : "memuat karakter kendali atau bidi");
            return null;
        }
        if (required && s.isEmpty()) {
            problem(path, "tidak boleh kosong");
        }
        return s;
    }

    private String id(Map<?, ?> parent, String key, String path) {
        String s = text(parent, key, path, true);
        if (s != null && (!ID.matcher(s).matches() || s.contains(".."))) {
            problem(path, "hanya boleh huruf, angka, '.', '_' atau '-' (paling banyak 100)");
            return null;
        }
        return s;
    }

    private Integer integer(Map<?, ?> parent, String key, String path, boolean required) {
        Object v = parent.get(key);
        if (v == null) {
            if (required) {
                problem(path, "wajib diisi");
            }
            return null;
        }
        if (v instanceof Integer i) {
            return i;
        }
        problem(path, "harus bilangan bulat");
        return null;
    }

    private Rupiah money(Map<?, ?> parent, String key, String path, boolean required) {
        Object v = parent.get(key);
        if (v == null) {
            if (required) {
                problem(path, "wajib diisi");
            }
            return null;
        }
        if (v instanceof Integer || v instanceof Long) {
            long amount = ((Number) v).longValue();
            if (amount < 0) {
                problem(path, "tidak boleh negatif");
                return null;
            }
            return Rupiah.of(amount);
        }
        if (v instanceof BigInteger) {
            problem(path, "terlalu besar untuk jumlah rupiah");
            return null;
        }
        problem(path, "harus rupiah utuh (tanpa desimal)");
        return null;
    }

    private BigDecimal decimal(Object v, String path) {
        if (v == null) {
            return null;
        }
        BigDecimal d;
        if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
            d = new BigDecimal(v.toString());
        } else if (v instanceof Double) {
            d = new BigDecimal(v.toString());
        } else {
            problem(path, "harus berupa angka");
            return null;
        }
        if (d.signum() < 0) {
            problem(path, "tidak boleh negatif");
            return null;
        }
        if (d.stripTrailingZeros().scale() > 2) {
            problem(path, "lebih dari 2 angka desimal");
            return null;
        }
        if (d.precision() - d.scale() > 12) {
            problem(path, "terlalu besar");
            return null;
        }
        return d;
    }

    private LocalDate date(Object v, String path) {
        if (v == null) {
            return null;
        }
        if (v instanceof Date d) {
            return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(v.toString());
        } catch (DateTimeParseException e) {
            problem(path, "harus tanggal berformat TTTT-BB-HH");
            return null;
        }
    }

    private OrganisationPart organisation(Map<String, Object> m) {
        if (m == null) {
            return null;
        }
        String id = id(m, "id", "organisation.id");
        String name = text(m, "name", "organisation.name", true);
        List<String> villages = new ArrayList<>();
        List<Object> raw = list(m, "villages", "organisation.villages", false);
        for (int i = 0; i < raw.size(); i++) {
            if (raw.get(i) == null || raw.get(i) instanceof Map || raw.get(i) instanceof List) {
                problem("organisation.villages[" + i + "]", "harus berupa nama");
            } else {
                villages.add(raw.get(i).toString());
            }
        }
        return new OrganisationPart(id, name, text(m, "kabupaten", "organisation.kabupaten", false),
                text(m, "provinsi", "organisation.provinsi", false), text(m, "head", "organisation.head", false),
                villages, date(m.get("report_signed"), "organisation.report_signed"),
                text(m, "head_name", "organisation.head_name", false), nip(m),
                text(m, "report_place", "organisation.report_place", false));
    }

    private String nip(Map<String, Object> m) {
        String nip = text(m, "head_nip", "organisation.head_nip", false);
        if (nip != null && !nip.matches("[0-9]+( [0-9]+)*")) {
            problem("organisation.head_nip", "must be digits, optionally grouped by spaces");
            return null;
        }
        return nip;
    }

    private BudgetPart budget(Map<String, Object> m, LocalDate today) {
        if (m == null) {
            return null;
        }
        Integer year = integer(m, "fiscal_year", "budget.fiscal_year", true);
        if (year != null && (year < 2000 || year > 2100)) {
            problem("budget.fiscal_year", "harus tahun antara 2000 dan 2100");
            year = null;
        }
        String fund = text(m, "fund", "budget.fund", false);
        List<BudgetProgram> programs = new ArrayList<>();
        Map<String, List<ImportedRealisation>> realisations = new LinkedHashMap<>();
        Set<String> lineIds = new HashSet<>();
        Set<Integer> activityNumbers = new HashSet<>();
        List<Object> rawPrograms = list(m, "programs", "budget.programs", true);
        if (rawPrograms.isEmpty() && m.get("programs") != null) {
            problem("budget.programs", "harus memuat paling sedikit satu program");
        }
        for (int p = 0; p < rawPrograms.size(); p++) {
            String pp = "budget.programs[" + p + "]";
            if (!(rawPrograms.get(p) instanceof Map<?, ?> pm)) {
                problem(pp, "harus berupa pemetaan (kunci: nilai)");
                continue;
            }
            Integer pnum = integer(pm, "number", pp + ".number", true);
            String pname = text(pm, "name", pp + ".name", true);
            OutputIndicator pind = indicator(pm.get("indicator"), pp + ".indicator");
            List<BudgetActivity> activities = new ArrayList<>();
            List<Object> rawActivities = list(pm, "activities", pp + ".activities", true);
            for (int a = 0; a < rawActivities.size(); a++) {
                String ap = pp + ".activities[" + a + "]";
                if (!(rawActivities.get(a) instanceof Map<?, ?> am)) {
                    problem(ap, "harus berupa pemetaan (kunci: nilai)");
                    continue;
                }
                Integer anum = integer(am, "number", ap + ".number", true);
                if (anum != null && !activityNumbers.add(anum)) {
                    problem(ap + ".number", "kegiatan " + anum + " muncul dua kali");
                }
                String aname = text(am, "name", ap + ".name", true);
                String objective = text(am, "objective", ap + ".objective", false);
                OutputIndicator aind = indicator(am.get("indicator"), ap + ".indicator");
                List<BudgetLine> lines = new ArrayList<>();
                List<Object> rawLines = list(am, "sub_activities", ap + ".sub_activities", true);
                for (int l = 0; l < rawLines.size(); l++) {
                    String lp = ap + ".sub_activities[" + l + "]";
                    if (!(rawLines.get(l) instanceof Map<?, ?> lm)) {
                        problem(lp, "harus berupa pemetaan (kunci: nilai)");
                        continue;
                    }
                    BudgetLine line = line(lm, lp, lineIds);
                    List<ImportedRealisation> entries = lineRealisations(lm, lp, line, year, today);
                    if (line != null) {
                        lines.add(line);
                        realisations.put(line.lineId(), entries);
                    }
                }
                if (anum != null && aname != null) {
                    activities.add(new BudgetActivity(anum, aname, objective, aind, lines));
                }
            }
            if (pnum != null && pname != null) {
                programs.add(new BudgetProgram(pnum, pname, pind, activities));
            }
        }
        if (year == null) {
            return null;
        }
        return new BudgetPart(year, fund == null ? "APBD" : fund, programs, realisations);
    }

    private OutputIndicator indicator(Object raw, String path) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Map<?, ?> m) {
            return new OutputIndicator(text(m, "name", path + ".name", false), decimal(m.get("target"),
                    path + ".target"), text(m, "unit", path + ".unit", false));
        }
        if (raw instanceof List) {
            problem(path, "harus berupa teks atau pemetaan");
            return null;
        }
        return new OutputIndicator(raw.toString(), null, null);
    }

    private BudgetLine line(Map<?, ?> lm, String lp, Set<String> lineIds) {
        Integer number = integer(lm, "number", lp + ".number", true);
        String code = lm.get("code") == null ? null : id(lm, "code", lp + ".code");
        String lineId = code != null ? code : number == null ? null : number.toString();
        String name = text(lm, "name", lp + ".name", true);
        String cls = text(lm, "class", lp + ".class", true);
        EconomicClass economicClass = null;
        if (cls != null) {
            try {
                economicClass = EconomicClass.fromCode(cls);
            } catch (IllegalArgumentException e) {
                problem(lp + ".class", "harus pegawai, barang_jasa atau modal");
            }
        }
        Rupiah amount = money(lm, "budget", lp + ".budget", true);
        String objective = text(lm, "objective", lp + ".objective", false);
        OutputIndicator indicator = lm.get("indicator") instanceof Map ? indicator(lm.get("indicator"),
                lp + ".indicator") : new OutputIndicator(text(lm, "indicator", lp + ".indicator", false),
                decimal(lm.get("target"), lp + ".target"), text(lm, "unit", lp + ".unit", false));
        if (lineId != null && !lineIds.add(lineId)) {
            problem(lp, "baris " + lineId + " muncul dua kali");
            return null;
        }
        if (lineId == null || name == null || economicClass == null || amount == null) {
            return null;
        }
        return new BudgetLine(lineId, number, name, economicClass, objective, indicator, amount);
    }

    /** Validates a line's realisations; {@code line} is {@code null} when the line itself is invalid. */
    private List<ImportedRealisation> lineRealisations(Map<?, ?> lm, String lp, BudgetLine line, Integer year,
                                                       LocalDate today) {
        List<ImportedRealisation> entries = new ArrayList<>();
        if (lm.get("realisations") != null) {
            List<Object> raw = list(lm, "realisations", lp + ".realisations", false);
            for (int r = 0; r < raw.size(); r++) {
                String rp = lp + ".realisations[" + r + "]";
                if (!(raw.get(r) instanceof Map<?, ?> rm)) {
                    problem(rp, "harus berupa pemetaan (kunci: nilai)");
                    continue;
                }
                LocalDate date = date(rm.get("date"), rp + ".date");
                Rupiah amount = money(rm, "amount", rp + ".amount", true);
                String document = text(rm, "document", rp + ".document", true);
                String description = text(rm, "description", rp + ".description", false);
                if (date == null) {
                    if (rm.get("date") == null) {
                        problem(rp + ".date", "wajib diisi");
                    }
                    continue;
                }
                if (amount != null && !amount.isPositive()) {
                    problem(rp + ".amount", "harus lebih dari 0");
                    continue;
                }
                checkDate(date, year, today, rp + ".date");
                if (amount != null && document != null) {
                    entries.add(new ImportedRealisation(date, amount, document, description));
                }
            }
            if (lm.get("realised") != null) {
                problem(lp, "isi realised atau realisations, jangan keduanya");
            }
        } else {
            Rupiah realised = money(lm, "realised", lp + ".realised", false);
            if (realised != null && realised.isPositive() && year != null) {
                LocalDate last = LocalDate.of(year, 12, 31);
                checkDate(last, year, today, lp + ".realised");
                entries.add(new ImportedRealisation(last, realised, "IMPORT",
                        "Realisasi TA " + year + " (impor LKjIP)"));
            }
        }
        long sum = 0;
        for (ImportedRealisation e : entries) {
            sum += e.amount().value();
        }
        if (line != null && sum > line.amount().value()) {
            problem(lp + (lm.get("realisations") != null ? ".realisations" : ".realised"), "realisasi Rp "
                    + IndonesianFormat.integer(sum) + " melebihi pagu baris Rp "
                    + IndonesianFormat.integer(line.amount().value()));
        }
        return entries;
    }

    private void checkDate(LocalDate date, Integer year, LocalDate today, String path) {
        if (year != null && date.getYear() != year) {
            problem(path, "tanggal " + date + " di luar tahun anggaran " + year);
        } else if (date.isAfter(today)) {
            problem(path, "tanggal " + date + " melewati hari ini (" + today + "); catat angka akhir tahun setelah tahunnya berakhir");
        }
    }

    private PlanPart plan(Map<String, Object> m) {
        if (m == null) {
            return null;
        }
        String id = id(m, "id", "strategic_plan.id");
        Map<String, Object> period = map(m, "period", "strategic_plan.period", true);
        Integer from = period == null ? null : integer(period, "from", "strategic_plan.period.from", true);
        Integer to = period == null ? null : integer(period, "to", "strategic_plan.period.to", true);
        if (from != null && to != null && (to < from || to - from > 10)) {
            problem("strategic_plan.period", "harus berurutan maju dan paling lama 10 tahun");
        }
        List<Goal> goals = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<Object> rawGoals = list(m, "goals", "strategic_plan.goals", true);
        for (int g = 0; g < rawGoals.size(); g++) {
            String gp = "strategic_plan.goals[" + g + "]";
            if (!(rawGoals.get(g) instanceof Map<?, ?> gm)) {
                problem(gp, "harus berupa pemetaan (kunci: nilai)");
                continue;
            }
            String gid = unique(id(gm, "id", gp + ".id"), ids, gp + ".id");
            String gname = text(gm, "name", gp + ".name", true);
            List<Objective> objectives = new ArrayList<>();
            List<Object> rawObjectives = list(gm, "objectives", gp + ".objectives", true);
            for (int o = 0; o < rawObjectives.size(); o++) {
                String op = gp + ".objectives[" + o + "]";
                if (!(rawObjectives.get(o) instanceof Map<?, ?> om)) {
                    problem(op, "harus berupa pemetaan (kunci: nilai)");
                    continue;
                }
                String oid = unique(id(om, "id", op + ".id"), ids, op + ".id");
                String oname = text(om, "name", op + ".name", true);
                List<Indicator> indicators = new ArrayList<>();
                List<Object> rawIndicators = list(om, "indicators", op + ".indicators", true);
                for (int i = 0; i < rawIndicators.size(); i++) {
                    String ip = op + ".indicators[" + i + "]";
                    if (!(rawIndicators.get(i) instanceof Map<?, ?> im)) {
                        problem(ip, "harus berupa pemetaan (kunci: nilai)");
                        continue;
                    }
                    Indicator indicator = indicator(im, ip, ids, from, to);
                    if (indicator != null) {
                        indicators.add(indicator);
                    }
                }
                if (oid != null && oname != null) {
                    objectives.add(new Objective(oid, oname, indicators));
                }
            }
            if (gid != null && gname != null) {
                goals.add(new Goal(gid, gname, objectives));
            }
        }
        if (id == null || from == null || to == null) {
            return null;
        }
        return new PlanPart(id, from, to, text(m, "vision", "strategic_plan.vision", false),
                text(m, "mission", "strategic_plan.mission", false), goals);
    }

    private String unique(String id, Set<String> ids, String path) {
        if (id != null && !ids.add(id)) {
            problem(path, id + " muncul dua kali");
            return null;
        }
        return id;
    }

    private Indicator indicator(Map<?, ?> im, String ip, Set<String> ids, Integer from, Integer to) {
        String iid = unique(id(im, "id", ip + ".id"), ids, ip + ".id");
        String name = text(im, "name", ip + ".name", true);
        String direction = text(im, "direction", ip + ".direction", true);
        if (direction != null && !direction.equals("higher_is_better") && !direction.equals("lower_is_better")) {
            problem(ip + ".direction", "harus higher_is_better atau lower_is_better");
        }
        String grading = text(im, "grading", ip + ".grading", false);
        if (grading != null && !grading.equals("sakip") && !grading.equals("skm")) {
            problem(ip + ".grading", "harus sakip atau skm");
        }
        Map<Integer, BigDecimal> targets = yearly(im, "targets", ip, from, to);
        Map<Integer, BigDecimal> realisations = yearly(im, "realisations", ip, from, to);
        if (iid == null || name == null || direction == null) {
            return null;
        }
        return new Indicator(iid, name, text(im, "unit", ip + ".unit", false), direction,
                text(im, "calculation", ip + ".calculation", false), grading,
                text(im, "data_source", ip + ".data_source", false), text(im, "formula", ip + ".formula", false),
                targets, realisations);
    }

    private Map<Integer, BigDecimal> yearly(Map<?, ?> im, String key, String ip, Integer from, Integer to) {
        Map<Integer, BigDecimal> values = new TreeMap<>();
        Object raw = im.get(key);
        if (raw == null) {
            return values;
        }
        if (!(raw instanceof Map<?, ?> m)) {
            problem(ip + "." + key, "harus memetakan tahun ke nilai");
            return values;
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String yp = ip + "." + key + "." + e.getKey();
            if (!(e.getKey() instanceof Integer year)) {
                problem(yp, "kuncinya harus berupa tahun");
                continue;
            }
            if (from != null && to != null && (year < from || year > to)) {
                problem(yp, "tahun " + year + " di luar periode Renstra " + from + "–" + to);
                continue;
            }
            if (e.getValue() == null) {
                continue;
            }
            BigDecimal v = decimal(e.getValue(), yp);
            if (v != null) {
                values.put(year, v);
            }
        }
        return values;
    }

    /** Where the YAML parser stopped, in words: ", sekitar baris 3 kolom 1". */
    private static String where(YAMLException e) {
        if (e instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked && marked.getProblemMark() != null) {
            return ", sekitar baris " + (marked.getProblemMark().getLine() + 1) + " kolom "
                    + (marked.getProblemMark().getColumn() + 1) + " (periksa indentasi, titik dua dan tanda kutip)";
        }
        if (e.getMessage() != null && e.getMessage().contains("limit")) {
            return ": berkas terlalu dalam bersarang atau terlalu panjang";
        }
        return "";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
