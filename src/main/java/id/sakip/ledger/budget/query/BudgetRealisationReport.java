package id.sakip.ledger.budget.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import id.sakip.ledger.budget.api.EconomicClass;
import id.sakip.ledger.shared.Percentages;

/**
 * LKjIP Table 3.9: budget against realisation for every line, activity, program, objective and
 * economic class, and the total; every figure computed from the lines, never entered.
 */
@io.swagger.v3.oas.annotations.media.Schema(example = """
        {"organisationId": "kec-jiken", "fiscalYear": 2023, "lastRecordedAt": "2024-01-05T03:12:40Z", "closed": false,
        "lines": [{"lineId": "2", "number": 2, "name": "Penyediaan Gaji dan Tunjangan ASN", "program": 1, "activity": 2,
        "objective": "S1", "economicClass": "pegawai", "originalBudget": 1443000000, "budget": 1443000000,
        "realised": 1373534865, "remaining": 69465135, "absorptionPercent": 95.19, "entries": 12, "reversals": 0}],
        "activities": [{"id": "2", "name": "Administrasi Keuangan Perangkat Daerah", "originalBudget": 1452600000,
        "budget": 1452600000, "realised": 1383134865, "remaining": 69465135, "absorptionPercent": 95.22}],
        "programs": [{"id": "1", "name": "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
        "originalBudget": 1759515000, "budget": 1759515000, "realised": 1687246918, "remaining": 72268082,
        "absorptionPercent": 95.89}],
        "objectives": [{"id": "S1", "name": "S1", "originalBudget": 1775815000, "budget": 1775815000,
        "realised": 1703546918, "remaining": 72268082, "absorptionPercent": 95.93}],
        "classes": [{"id": "pegawai", "name": "Belanja Pegawai", "originalBudget": 1452600000, "budget": 1452600000,
        "realised": 1383134865, "remaining": 69465135, "absorptionPercent": 95.22}],
        "total": {"originalBudget": 1923000000, "budget": 1923000000, "realised": 1849985878, "remaining": 73014122,
        "absorptionPercent": 96.20},
        "monthly": [{"month": 12, "cumulativeRealised": 1849985878, "cumulativeAbsorptionPercent": 96.20,
        "lineCumulativeRealised": {"1": 3600000, "2": 1373534865}}]}
        """)
public record BudgetRealisationReport(String organisationId, int fiscalYear, LocalDate until,
                                      Instant lastRecordedAt, boolean closed, List<LineRow> lines,
                                      List<GroupRow> activities, List<GroupRow> programs, List<GroupRow> objectives,
                                      List<GroupRow> classes, Amounts total, List<MonthRow> monthly) {

    /** Money and absorption of one row. */
    public record Amounts(long originalBudget, long budget, long realised, long remaining,
                          BigDecimal absorptionPercent) {

        static Amounts of(long original, long budget, long realised) {
            return new Amounts(original, budget, realised, budget - realised, Percentages.percent(realised, budget));
        }
    }

    /** One budget line (sub kegiatan). */
    public record LineRow(String lineId, int number, String name, int program, int activity, String objective,
                          EconomicClass economicClass, long originalBudget, long budget, long realised,
                          long remaining, BigDecimal absorptionPercent, int entries, int reversals) {
    }

    /** A group of lines: activity, program, objective or class. */
    public record GroupRow(String id, String name, long originalBudget, long budget, long realised, long remaining,
                           BigDecimal absorptionPercent) {
    }

    /** Cumulative realisation up to the end of a month, per line and in total. */
    public record MonthRow(int month, long cumulativeRealised, BigDecimal cumulativeAbsorptionPercent,
                           Map<String, Long> lineCumulativeRealised) {
    }

    public static BudgetRealisationReport of(BudgetBook book) {
        List<LineRow> lines = new ArrayList<>();
        for (BudgetBook.LineBook l : book.lines.values()) {
            Amounts a = Amounts.of(l.original, l.budget, l.realised);
            lines.add(new LineRow(l.lineId, l.number, l.name, l.programNumber, l.activityNumber, l.objective,
                    l.economicClass, a.originalBudget(), a.budget(), a.realised(), a.remaining(),
                    a.absorptionPercent(), l.entries, l.reversals));
        }
        Map<Integer, String> activityNames = new LinkedHashMap<>();
        book.activities.forEach(a -> activityNames.put(a.number(), a.name()));
        Map<Integer, String> programNames = new LinkedHashMap<>();
        book.programs.forEach(p -> programNames.put(p.number(), p.name()));

        List<GroupRow> activities = group(book, l -> String.valueOf(l.activityNumber),
                id -> activityNames.get(Integer.valueOf(id)), activityNames.keySet().stream().map(String::valueOf).toList());
        List<GroupRow> programs = group(book, l -> String.valueOf(l.programNumber),
                id -> programNames.get(Integer.valueOf(id)), programNames.keySet().stream().map(String::valueOf).toList());
        List<GroupRow> objectives = group(book, l -> l.objective == null ? "-" : l.objective, id -> id, List.of());
        List<GroupRow> classes = group(book, l -> l.economicClass.code(),
                id -> EconomicClass.fromCode(id).label(),
                java.util.Arrays.stream(EconomicClass.values()).map(EconomicClass::code).toList());

        long original = 0;
        long budget = 0;
        long realised = 0;
        for (BudgetBook.LineBook l : book.lines.values()) {
            original = Math.addExact(original, l.original);
            budget = Math.addExact(budget, l.budget);
            realised = Math.addExact(realised, l.realised);
        }
        List<MonthRow> monthly = new ArrayList<>();
        Map<String, Long> cumulative = new LinkedHashMap<>();
        long running = 0;
        for (int m = 0; m < 12; m++) {
            Map<String, Long> snapshot = new LinkedHashMap<>();
            for (BudgetBook.LineBook l : book.lines.values()) {
                long c = cumulative.getOrDefault(l.lineId, 0L) + l.realisedByMonth[m];
                cumulative.put(l.lineId, c);
                snapshot.put(l.lineId, c);
                running += l.realisedByMonth[m];
            }
            monthly.add(new MonthRow(m + 1, running, Percentages.percent(running, budget), snapshot));
        }
        return new BudgetRealisationReport(book.organisationId, book.fiscalYear, book.until,
                book.lastRecordedAt, book.closed, lines, activities, programs, objectives, classes,
                Amounts.of(original, budget, realised), monthly);
    }

    private static List<GroupRow> group(BudgetBook book, Function<BudgetBook.LineBook, String> key,
                                        Function<String, String> name, List<String> order) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        order.forEach(k -> sums.put(k, new long[3]));
        for (BudgetBook.LineBook l : book.lines.values()) {
            long[] s = sums.computeIfAbsent(key.apply(l), k -> new long[3]);
            s[0] = Math.addExact(s[0], l.original);
            s[1] = Math.addExact(s[1], l.budget);
            s[2] = Math.addExact(s[2], l.realised);
        }
        List<GroupRow> rows = new ArrayList<>();
        sums.forEach((k, s) -> rows.add(new GroupRow(k, name.apply(k), s[0], s[1], s[2], s[1] - s[2],
                Percentages.percent(s[2], s[1]))));
        return rows;
    }
}
