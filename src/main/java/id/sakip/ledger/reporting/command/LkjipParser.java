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
import id.sakip.ledger.reporting.command.LkjipDocument.BudgetPart;
import id.sakip.ledger.reporting.command.LkjipDocument.Goal;
import id.sakip.ledger.reporting.command.LkjipDocument.ImportedRealisation;
import id.sakip.ledger.reporting.command.LkjipDocument.Indicator;
import id.sakip.ledger.reporting.command.LkjipDocument.Objective;
import id.sakip.ledger.reporting.command.LkjipDocument.OrganisationPart;
import id.sakip.ledger.reporting.command.LkjipDocument.PlanPart;
import id.sakip.ledger.shared.Rupiah;

/**
 * Reads an LKjIP YAML file safely (plain data only: no tags that build objects, bounded aliases,
 * bounded size and depth) and validates all of it, listing every problem with its path in the file.
 */
public final class LkjipParser {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final List<LkjipProblems.Problem> problems = new ArrayList<>();

    private LkjipParser() {
    }

    /** Parses and validates; throws {@link LkjipProblems} listing every problem when the file is invalid. */
    public static LkjipDocument parse(byte[] bytes, LocalDate today) {
        return new LkjipParser().read(bytes, today);
    }

    private LkjipDocument read(byte[] bytes, LocalDate today) {
        if (bytes.length > MAX_BYTES) {
            throw new LkjipProblems(List.of(new LkjipProblems.Problem("$", "the file is larger than 10 MB")));
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
            String message = e.getMessage() == null ? "unreadable YAML" : e.getMessage();
            throw new LkjipProblems(List.of(new LkjipProblems.Problem("$", "not valid YAML: "
                    + (message.length() > 400 ? message.substring(0, 400) : message))));
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new LkjipProblems(List.of(new LkjipProblems.Problem("$", "the file must be a YAML mapping")));
        }
        OrganisationPart organisation = organisation(map(map, "organisation", "organisation", true));
        BudgetPart budget = budget(map(map, "budget", "budget", false), today);
        PlanPart plan = plan(map(map, "strategic_plan", "strategic_plan", false));
        Map<String, Object> amendment = map(map, "amendment", "amendment", false);
        Map<String, Object> printed = map(map, "printed", "printed", false);
        if (budget == null && plan == null && problems.isEmpty()) {
            problem("$", "the file has neither a budget nor a strategic_plan");
        }
        if (!problems.isEmpty()) {
            throw new LkjipProblems(problems);
        }
        return new LkjipDocument(sha256(bytes), organisation, budget, plan, amendment, printed);
    }

    private void problem(String path, String message) {
        if (problems.size() < 500) {
            problems.add(new LkjipProblems.Problem(path, message));
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Map<?, ?> parent, String key, String path, boolean required) {
        Object v = parent.get(key);
        if (v == null) {
            if (required) {
                problem(path, "is required");
            }
            return null;
        }
        if (!(v instanceof Map)) {
            problem(path, "must be a mapping");
            return null;
        }
        return (Map<String, Object>) v;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Map<?, ?> parent, String key, String path, boolean required) {
        Object v = parent.get(key);
        if (v == null) {
            if (required) {
                problem(path, "is required");
            }
            return List.of();
        }
        if (!(v instanceof List)) {
            problem(path, "must be a list");
            return List.of();
        }
        return (List<Object>) v;
    }

    private String text(Map<?, ?> parent, String key, String path, boolean required) {
        Object v = parent.get(key);
        if (v == null) {
            if (required) {
                problem(path, "is required");
            }
            return null;
        }
        if (v instanceof Map || v instanceof List) {
            problem(path, "must be text");
            return null;
        }
        String s = v.toString().strip();
        if (s.length() > 2_000) {
            problem(path, "is longer than 2000 characters");
            return null;
        }
        boolean identifier = id.sakip.ledger.shared.TextRules.isIdentifier(key) || key.equals("code");
        if ((identifier ? id.sakip.ledger.shared.TextRules.refusedInIdentifier(s)
                : id.sakip.ledger.shared.TextRules.refusedInText(s)) >= 0) {
            problem(path, identifier ? "holds a control, bidi or zero-width character"
                    : "holds a control or bidi character");
            return null;
        }
        if (required && s.isEmpty()) {
            problem(path, "must not be empty");
        }
        return s;
    }

    private String id(Map<?, ?> parent, String key, String path) {
        String s = text(parent, key, path, true);
        if (s != null && (!ID.matcher(s).matches() || s.contains(".."))) {
            problem(path, "must be letters, digits, '.', '_' or '-' (at most 100)");
            return null;
        }
        return s;
    }

    private Integer integer(Map<?, ?> parent, String key, String path, boolean required) {
        Object v = parent.get(key);
        if (v == null) {
            if (required) {
                problem(path, "is required");
            }
            return null;
        }
        if (v instanceof Integer i) {
            return i;
        }
        problem(path, "must be a whole number");
        return null;
    }

    private Rupiah money(Map<?, ?> parent, String key, String path, boolean required) {
        Object v = parent.get(key);
        if (v == null) {
            if (required) {
                problem(path, "is required");
            }
            return null;
        }
        if (v instanceof Integer || v instanceof Long) {
            long amount = ((Number) v).longValue();
            if (amount < 0) {
                problem(path, "must not be negative");
                return null;
            }
            return Rupiah.of(amount);
        }
        if (v instanceof BigInteger) {
            problem(path, "is too large for an amount of rupiah");
            return null;
        }
        problem(path, "must be a whole number of rupiah");
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
            problem(path, "must be a number");
            return null;
        }
        if (d.signum() < 0) {
            problem(path, "must not be negative");
            return null;
        }
        if (d.stripTrailingZeros().scale() > 2) {
            problem(path, "has more than 2 decimals");
            return null;
        }
        if (d.precision() - d.scale() > 12) {
            problem(path, "is too large");
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
            problem(path, "must be a date YYYY-MM-DD");
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
                problem("organisation.villages[" + i + "]", "must be a name");
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
            problem("budget.fiscal_year", "must be a year between 2000 and 2100");
            year = null;
        }
        String fund = text(m, "fund", "budget.fund", false);
        List<BudgetProgram> programs = new ArrayList<>();
        Map<String, List<ImportedRealisation>> realisations = new LinkedHashMap<>();
        Set<String> lineIds = new HashSet<>();
        Set<Integer> activityNumbers = new HashSet<>();
        List<Object> rawPrograms = list(m, "programs", "budget.programs", true);
        if (rawPrograms.isEmpty() && m.get("programs") != null) {
            problem("budget.programs", "must list at least one program");
        }
        for (int p = 0; p < rawPrograms.size(); p++) {
            String pp = "budget.programs[" + p + "]";
            if (!(rawPrograms.get(p) instanceof Map<?, ?> pm)) {
                problem(pp, "must be a mapping");
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
                    problem(ap, "must be a mapping");
                    continue;
                }
                Integer anum = integer(am, "number", ap + ".number", true);
                if (anum != null && !activityNumbers.add(anum)) {
                    problem(ap + ".number", "activity " + anum + " appears twice");
                }
                String aname = text(am, "name", ap + ".name", true);
                String objective = text(am, "objective", ap + ".objective", false);
                OutputIndicator aind = indicator(am.get("indicator"), ap + ".indicator");
                List<BudgetLine> lines = new ArrayList<>();
                List<Object> rawLines = list(am, "sub_activities", ap + ".sub_activities", true);
                for (int l = 0; l < rawLines.size(); l++) {
                    String lp = ap + ".sub_activities[" + l + "]";
                    if (!(rawLines.get(l) instanceof Map<?, ?> lm)) {
                        problem(lp, "must be a mapping");
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
            problem(path, "must be text or a mapping");
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
                problem(lp + ".class", "must be pegawai, barang_jasa or modal");
            }
        }
        Rupiah amount = money(lm, "budget", lp + ".budget", true);
        String objective = text(lm, "objective", lp + ".objective", false);
        OutputIndicator indicator = lm.get("indicator") instanceof Map ? indicator(lm.get("indicator"),
                lp + ".indicator") : new OutputIndicator(text(lm, "indicator", lp + ".indicator", false),
                decimal(lm.get("target"), lp + ".target"), text(lm, "unit", lp + ".unit", false));
        if (lineId != null && !lineIds.add(lineId)) {
            problem(lp, "line " + lineId + " appears twice");
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
                    problem(rp, "must be a mapping");
                    continue;
                }
                LocalDate date = date(rm.get("date"), rp + ".date");
                Rupiah amount = money(rm, "amount", rp + ".amount", true);
                String document = text(rm, "document", rp + ".document", true);
                String description = text(rm, "description", rp + ".description", false);
                if (date == null) {
                    if (rm.get("date") == null) {
                        problem(rp + ".date", "is required");
                    }
                    continue;
                }
                if (amount != null && !amount.isPositive()) {
                    problem(rp + ".amount", "must be more than 0");
                    continue;
                }
                checkDate(date, year, today, rp + ".date");
                if (amount != null && document != null) {
                    entries.add(new ImportedRealisation(date, amount, document, description));
                }
            }
            if (lm.get("realised") != null) {
                problem(lp, "give either realised or realisations, not both");
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
            problem(lp + (lm.get("realisations") != null ? ".realisations" : ".realised"), "realised "
                    + Rupiah.of(sum) + " exceeds the line's budget of " + line.amount());
        }
        return entries;
    }

    private void checkDate(LocalDate date, Integer year, LocalDate today, String path) {
        if (year != null && date.getYear() != year) {
            problem(path, "date " + date + " is outside fiscal year " + year);
        } else if (date.isAfter(today)) {
            problem(path, "date " + date + " is after today (" + today + "); record year-end figures after the year");
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
            problem("strategic_plan.period", "must run forwards over at most 10 years");
        }
        List<Goal> goals = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<Object> rawGoals = list(m, "goals", "strategic_plan.goals", true);
        for (int g = 0; g < rawGoals.size(); g++) {
            String gp = "strategic_plan.goals[" + g + "]";
            if (!(rawGoals.get(g) instanceof Map<?, ?> gm)) {
                problem(gp, "must be a mapping");
                continue;
            }
            String gid = unique(id(gm, "id", gp + ".id"), ids, gp + ".id");
            String gname = text(gm, "name", gp + ".name", true);
            List<Objective> objectives = new ArrayList<>();
            List<Object> rawObjectives = list(gm, "objectives", gp + ".objectives", true);
            for (int o = 0; o < rawObjectives.size(); o++) {
                String op = gp + ".objectives[" + o + "]";
                if (!(rawObjectives.get(o) instanceof Map<?, ?> om)) {
                    problem(op, "must be a mapping");
                    continue;
                }
                String oid = unique(id(om, "id", op + ".id"), ids, op + ".id");
                String oname = text(om, "name", op + ".name", true);
                List<Indicator> indicators = new ArrayList<>();
                List<Object> rawIndicators = list(om, "indicators", op + ".indicators", true);
                for (int i = 0; i < rawIndicators.size(); i++) {
                    String ip = op + ".indicators[" + i + "]";
                    if (!(rawIndicators.get(i) instanceof Map<?, ?> im)) {
                        problem(ip, "must be a mapping");
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
            problem(path, id + " appears twice");
            return null;
        }
        return id;
    }

    private Indicator indicator(Map<?, ?> im, String ip, Set<String> ids, Integer from, Integer to) {
        String iid = unique(id(im, "id", ip + ".id"), ids, ip + ".id");
        String name = text(im, "name", ip + ".name", true);
        String direction = text(im, "direction", ip + ".direction", true);
        if (direction != null && !direction.equals("higher_is_better") && !direction.equals("lower_is_better")) {
            problem(ip + ".direction", "must be higher_is_better or lower_is_better");
        }
        String grading = text(im, "grading", ip + ".grading", false);
        if (grading != null && !grading.equals("sakip") && !grading.equals("skm")) {
            problem(ip + ".grading", "must be sakip or skm");
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
            problem(ip + "." + key, "must map years to values");
            return values;
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String yp = ip + "." + key + "." + e.getKey();
            if (!(e.getKey() instanceof Integer year)) {
                problem(yp, "the key must be a year");
                continue;
            }
            if (from != null && to != null && (year < from || year > to)) {
                problem(yp, "year " + year + " is outside the Renstra period " + from + "-" + to);
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

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
