package id.sakip.ledger.reporting.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import id.sakip.ledger.budget.api.EconomicClass;
import id.sakip.ledger.budget.query.BudgetBook;
import id.sakip.ledger.performance.computation.CategoryScale;
import id.sakip.ledger.performance.computation.Grading;
import id.sakip.ledger.performance.computation.PerformanceMath;
import id.sakip.ledger.performance.query.PerformanceReports;
import id.sakip.ledger.performance.query.PlanBook;
import id.sakip.ledger.reporting.api.PrintedTable;
import id.sakip.ledger.shared.Percentages;

/**
 * Every figure a published LKjIP printed that disagrees with what the ledger computes from the same
 * inputs, table by table by meaning (each finding names the table by the report's label and its kind).
 * Money and values are compared exactly; printed percentages at their printed precision ("96%" agrees
 * with 96,20; "84%" does not agree with 83,33), always from the unrounded figure. Works without a budget
 * (tables of money are then listed as not compared) and without a Renstra covering the year.
 */
@io.swagger.v3.oas.annotations.media.Schema(example = """
        {"organisationId": "kec-jiken", "year": 2023, "source": "lkjip-import sha256:b5fafd6af76918aee8631eb9c3595a9af02413ba16458a815addb6dca048c6e8",
        "figuresCompared": 183, "discrepancies": [{"table": "table_2_4_performance_agreement_program_budgets",
        "label": "Tabel 2.4", "kind": "program_budgets", "item": "program_1", "printed": 2074315000,
        "computed": 1759515000, "difference": 314800000}, {"table": "table_3_2_2023", "label": "Tabel 3.2",
        "kind": "indicator_achievement", "item": "IKU-1 capaian", "printed": "96,66", "computed": 96.67,
        "difference": -0.01}], "notCompared": ["table_2_6_amendment.before (the ledger holds no amendment of this budget, so it has no figures from before one)"]}
        """)
public record ReconciliationReport(String organisationId, int year, String source, int figuresCompared,
                                   List<Discrepancy> discrepancies, List<String> notCompared) {

    /**
     * One disagreement.
     *
     * @param table      the table's key in a keyed file (e.g. {@code table_3_2_2023}), else its label
     * @param label      the report's own name of the table, e.g. "Tabel 3.5"
     * @param kind       what the table means, e.g. {@code indicator_achievement}
     * @param difference printed − computed, for numbers; {@code null} for labels or a missing side
     */
    public record Discrepancy(String table, String label, String kind, String item, Object printed, Object computed,
                              BigDecimal difference) {
    }

    /** Collects comparisons, each for the table being compared. */
    static final class Comparison {
        private final List<Discrepancy> discrepancies = new ArrayList<>();
        private int compared;
        private PrintedTable table;

        void of(PrintedTable current) {
            table = current;
        }

        private void found(String item, Object printed, Object computed, BigDecimal difference) {
            discrepancies.add(new Discrepancy(table.name(), table.label(), table.kind(), item, printed, computed,
                    difference));
        }

        void money(String item, Object printed, Long computed) {
            compared++;
            Long p = printed instanceof Number n ? n.longValue() : null;
            if (p == null || computed == null || p.longValue() != computed.longValue()) {
                found(item, printed, computed, p == null || computed == null ? null : BigDecimal.valueOf(p - computed));
            }
        }

        /** A printed decimal ("96,66", "104", "96%", "-", or a plain number) against an unrounded computed value. */
        void decimal(String item, Object printed, BigDecimal exact) {
            compared++;
            String text = printed == null ? "-" : printed.toString().strip();
            if (text.equals("-") || text.isEmpty()) {
                if (exact != null) {
                    found(item, text, Percentages.round(exact), null);
                }
                return;
            }
            BigDecimal p;
            try {
                p = printed instanceof Number ? new BigDecimal(text)
                        : new BigDecimal(text.replace("%", "").replace(".", "").replace(',', '.').strip());
            } catch (NumberFormatException e) {
                found(item, text, exact == null ? null : Percentages.round(exact), null);
                return;
            }
            if (exact == null) {
                found(item, text, null, null);
                return;
            }
            BigDecimal atPrintedPrecision = exact.setScale(Math.max(0, p.scale()), RoundingMode.HALF_UP);
            if (atPrintedPrecision.compareTo(p) != 0) {
                found(item, text, Percentages.round(exact), p.subtract(atPrintedPrecision));
            }
        }

        void label(String item, Object printed, String computed) {
            compared++;
            String p = printed == null ? null : printed.toString().strip();
            if (p == null ? computed != null : !p.equalsIgnoreCase(computed == null ? "" : computed)) {
                found(item, p, computed, null);
            }
        }
    }

    private static final List<String> NEEDS_BUDGET = List.of("efficiency", "budget_realisation", "program_budgets",
            "class_split", "budget_amendment");
    private static final List<String> NEEDS_PLAN = List.of("indicator_achievement", "objective_achievement",
            "indicator_comparison", "renstra_progress", "efficiency");

    private static long programBudget(BudgetBook budget, int program) {
        return budget.lines.values().stream().filter(l -> l.programNumber == program).mapToLong(l -> l.budget).sum();
    }

    private static BudgetBook.LineBook lineByNumber(BudgetBook budget, String number) {
        return budget.lines.values().stream().filter(l -> String.valueOf(l.number).equals(number)).findFirst()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }

    /**
     * Compares the printed tables with the budget and plan as the ledger folds them.
     *
     * @param budget the budget of the year, {@code null} when the ledger holds none
     * @param plan   the Renstra covering the year, {@code null} when the ledger holds none
     */
    public static ReconciliationReport of(String organisationId, int year, String source, List<PrintedTable> tables,
                                          BudgetBook budget, PlanBook plan) {
        return of(organisationId, year, source, tables, budget, plan, Grading.DEFAULT);
    }

    /** The same, with capaian and labels (kategori, kemajuan, efisiensi) on the scales in force. */
    public static ReconciliationReport of(String organisationId, int year, String source, List<PrintedTable> tables,
                                          BudgetBook budget, PlanBook plan, Grading grading) {
        Comparison c = new Comparison();
        List<String> notCompared = new ArrayList<>();
        for (PrintedTable t : tables) {
            c.of(t);
            Map<String, Object> rows = t.rows() == null ? Map.of() : t.rows();
            if (!PrintedTable.KINDS.contains(t.kind())) {
                notCompared.add(t.name());
                continue;
            }
            if (budget == null && NEEDS_BUDGET.contains(t.kind())) {
                notCompared.add(t.name() + " (" + t.kind() + ": the ledger holds no budget of " + year + ")");
                continue;
            }
            if (plan == null && NEEDS_PLAN.contains(t.kind())) {
                notCompared.add(t.name() + " (" + t.kind() + ": the ledger holds no Renstra covering " + year + ")");
                continue;
            }
            switch (t.kind()) {
                case "program_budgets" -> rows.forEach((k, v) -> {
                    String number = k.startsWith("program_") ? k.substring("program_".length()) : k;
                    if (number.matches("[0-9]{1,9}")) {
                        c.money(k, v, programBudget(budget, Integer.parseInt(number)));
                    }
                });
                case "indicator_achievement" -> rows.forEach((indicatorId, v) ->
                        achievementRow(c, indicatorId, map(v), plan, indicatorId, t.year(), grading));
                case "indicator_comparison" -> rows.forEach((indicatorId, years) -> map(years).forEach((y, v) ->
                        achievementRow(c, indicatorId + " " + y, map(v), plan, indicatorId, Integer.parseInt(y),
                                grading)));
                case "objective_achievement" -> rows.forEach((objective, v) ->
                        objectiveRow(c, objective, map(v), plan, t.year(), grading));
                case "renstra_progress" -> rows.forEach((indicatorId, v) ->
                        progressRow(c, indicatorId, map(v), plan, t.year(), grading));
                case "efficiency" -> {
                    EfficiencyReport efficiency = EfficiencyReport.of(plan, budget, t.year(), grading);
                    rows.forEach((objective, v) -> efficiencyRow(c, objective, map(v), plan, t.year(), efficiency,
                            grading));
                }
                case "budget_realisation" -> budgetRealisation(c, rows, budget);
                case "class_split" -> classSplit(c, rows, budget);
                default -> amendmentRows(c, t, rows, budget, notCompared);
            }
        }
        return new ReconciliationReport(organisationId, year, source, c.compared, c.discrepancies, notCompared);
    }

    /**
     * The exact capaian of each indicator of an objective in a year (those with a target and a realisation);
     * the sasaran's score is their mean, rounded once.
     */
    static List<BigDecimal> objectiveAchievements(PlanBook plan, String objectiveId, int year, CategoryScale scale) {
        for (PlanBook.GoalInfo goal : plan.goals) {
            for (PlanBook.ObjectiveInfo objective : goal.objectives()) {
                if (objective.id().equals(objectiveId)) {
                    List<BigDecimal> achievements = new ArrayList<>();
                    for (String id : objective.indicatorIds()) {
                        PlanBook.IndicatorBook i = plan.indicator(id);
                        BigDecimal a = PerformanceReports.achievementExact(i, year, scale);
                        if (a != null) {
                            achievements.add(a);
                        }
                    }
                    return achievements;
                }
            }
        }
        return null;
    }

    private static void objectiveRow(Comparison c, String objective, Map<String, Object> v, PlanBook plan, int year,
                                     Grading grading) {
        List<BigDecimal> achievements = objectiveAchievements(plan, objective, year, grading.capaian(year));
        if (achievements == null) {
            c.label(objective, objective, null);
            return;
        }
        BigDecimal mean = PerformanceMath.meanExact(achievements);
        if (v.containsKey("jumlah")) {
            c.decimal(objective + " jumlah", v.get("jumlah"), achievements.isEmpty() ? null
                    : achievements.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        if (v.containsKey("capaian")) {
            c.decimal(objective + " capaian", v.get("capaian"), mean);
        }
        if (v.containsKey("kategori")) {
            c.label(objective + " kategori", v.get("kategori"),
                    mean == null ? null : grading.capaian(year).category(Percentages.round(mean)));
        }
    }

    private static void achievementRow(Comparison c, String item, Map<String, Object> v, PlanBook plan,
                                       String indicatorId, int year, Grading grading) {
        PlanBook.IndicatorBook i = plan.indicator(indicatorId);
        if (i == null) {
            c.label(item, indicatorId, null);
            return;
        }
        BigDecimal target = i.targets.get(year);
        BigDecimal realisation = i.realisations.get(year);
        BigDecimal achievement = PerformanceReports.achievementExact(i, year, grading.capaian(year));
        if (v.containsKey("target")) {
            c.decimal(item + " target", v.get("target"), target);
        }
        if (v.containsKey("realisasi")) {
            c.decimal(item + " realisasi", v.get("realisasi"), realisation);
        }
        if (v.containsKey("capaian")) {
            c.decimal(item + " capaian", v.get("capaian"), achievement);
        }
        if (v.containsKey("kategori")) {
            c.label(item + " kategori", v.get("kategori"),
                    grading.capaian(year).category(Percentages.round(achievement)));
        }
    }

    private static void progressRow(Comparison c, String indicatorId, Map<String, Object> v, PlanBook plan, int year,
                                    Grading grading) {
        PlanBook.IndicatorBook i = plan.indicator(indicatorId);
        if (i == null) {
            c.label(indicatorId, indicatorId, null);
            return;
        }
        BigDecimal realisation = i.realisations.get(year);
        BigDecimal finalTarget = i.targets.get(plan.toYear);
        BigDecimal progress = PerformanceMath.achievementExact(finalTarget, realisation, i.direction);
        v.forEach((k, value) -> {
            if (k.startsWith("realisasi")) {
                c.decimal(indicatorId + " " + k, value, realisation);
            } else if (k.startsWith("target")) {
                c.decimal(indicatorId + " " + k, value, finalTarget);
            } else if (k.equals("capaian")) {
                c.decimal(indicatorId + " capaian", value, progress);
            } else if (k.equals("kemajuan")) {
                c.label(indicatorId + " kemajuan", value,
                        grading.capaian(year).category(Percentages.round(progress)));
            }
        });
    }

    private static void efficiencyRow(Comparison c, String objective, Map<String, Object> v, PlanBook plan, int year,
                                      EfficiencyReport efficiency, Grading grading) {
        EfficiencyReport.Row row = efficiency.rows().stream().filter(r -> r.objective().equals(objective)).findFirst()
                .orElse(null);
        if (row == null) {
            c.label(objective, objective, null);
            return;
        }
        c.decimal(objective + " capaian_kinerja", v.get("capaian_kinerja"),
                PerformanceReports.objectiveAchievementExact(plan, objective, year, grading.capaian(year)));
        c.money(objective + " anggaran_target", v.get("anggaran_target"), row.budget());
        c.money(objective + " anggaran_realisasi", v.get("anggaran_realisasi"), row.realised());
        c.decimal(objective + " capaian_anggaran", v.get("capaian_anggaran"),
                Percentages.exactRatio(row.realised(), row.budget()));
        c.label(objective + " efisiensi", v.get("efisiensi"), row.category());
    }

    private static void budgetRealisation(Comparison c, Map<String, Object> t, BudgetBook budget) {
        map(t.get("lines")).forEach((number, v) -> {
            List<Object> cells = list(v);
            BudgetBook.LineBook line = lineByNumber(budget, number);
            String item = "line " + number;
            if (line == null || cells.size() < 4) {
                c.label(item, String.valueOf(v), null);
                return;
            }
            c.money(item + " anggaran", cells.get(0), line.budget);
            c.money(item + " realisasi", cells.get(1), line.realised);
            c.money(item + " selisih", cells.get(2), line.budget - line.realised);
            c.decimal(item + " persentase", cells.get(3), Percentages.exactRatio(line.realised, line.budget));
        });
        List<Object> total = list(t.get("total"));
        if (total.size() >= 4) {
            long amount = budget.totalBudget();
            long realised = budget.lines.values().stream().mapToLong(l -> l.realised).sum();
            c.money("total anggaran", total.get(0), amount);
            c.money("total realisasi", total.get(1), realised);
            c.money("total selisih", total.get(2), amount - realised);
            c.decimal("total persentase", total.get(3), Percentages.exactRatio(realised, amount));
        }
    }

    /**
     * Spending by class. {@code belanja_barang_jasa} and {@code non_pegawai} are everything other than pegawai,
     * as Jiken's section 3.3 prints it; {@code barang_jasa} and {@code modal} are those classes alone.
     */
    private static void classSplit(Comparison c, Map<String, Object> t, BudgetBook budget) {
        Map<EconomicClass, Long> classes = budget.classTotals();
        long total = budget.totalBudget();
        long pegawai = classes.get(EconomicClass.PEGAWAI);
        t.forEach((k, v) -> {
            switch (k) {
                case "pegawai", "belanja_pegawai" -> c.money(k, v, pegawai);
                case "barang_jasa" -> c.money(k, v, classes.get(EconomicClass.BARANG_JASA));
                case "modal", "belanja_modal" -> c.money(k, v, classes.get(EconomicClass.MODAL));
                case "belanja_barang_jasa", "non_pegawai" -> c.money(k + " (all spending other than pegawai)", v,
                        total - pegawai);
                case "total" -> c.money(k, v, total);
                default -> c.label(k, v, null);
            }
        });
    }

    private static void amendmentRows(Comparison c, PrintedTable table, Map<String, Object> amendment,
                                      BudgetBook budget, List<String> notCompared) {
        Map<EconomicClass, Long> after = budget.classTotals();
        Map<String, Object> printedAfter = map(amendment.get("after"));
        for (EconomicClass cls : EconomicClass.values()) {
            if (printedAfter.containsKey(cls.code())) {
                c.money("after " + cls.code(), printedAfter.get(cls.code()), after.get(cls));
            }
        }
        if (printedAfter.containsKey("total")) {
            c.money("after total", printedAfter.get("total"), budget.totalBudget());
        }
        Map<String, Object> printedBefore = map(amendment.get("before"));
        if (!budget.amendments.isEmpty()) {
            BudgetBook.AmendmentInfo first = budget.amendments.get(0);
            for (EconomicClass cls : EconomicClass.values()) {
                if (printedBefore.containsKey(cls.code())) {
                    c.money("before " + cls.code(), printedBefore.get(cls.code()), first.before().get(cls));
                }
            }
            if (printedBefore.containsKey("total")) {
                c.money("before total", printedBefore.get("total"), first.totalBefore());
            }
        } else if (!printedBefore.isEmpty()) {
            notCompared.add(table.name() + ".before (the ledger holds no amendment of this budget, so it has no "
                    + "figures from before one)");
        }
    }
}
