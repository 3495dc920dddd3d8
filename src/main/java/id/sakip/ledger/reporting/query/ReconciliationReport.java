package id.sakip.ledger.reporting.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import id.sakip.ledger.budget.api.EconomicClass;
import id.sakip.ledger.budget.query.BudgetBook;
import id.sakip.ledger.performance.computation.Grading;
import id.sakip.ledger.performance.computation.PerformanceMath;
import id.sakip.ledger.performance.query.PerformanceReports;
import id.sakip.ledger.performance.query.PlanBook;
import id.sakip.ledger.shared.Percentages;

/**
 * Every figure a published LKjIP printed that disagrees with what the ledger computes from the same
 * inputs. Money and values are compared exactly; printed percentages at their printed precision
 * ("96%" agrees with 96,20; "84%" does not agree with 83,33), always from the unrounded figure.
 */
public record ReconciliationReport(String organisationId, int year, String source, int figuresCompared,
                                   List<Discrepancy> discrepancies, List<String> notCompared) {

    /**
     * One disagreement.
     *
     * @param difference printed − computed, for numbers; {@code null} for labels or a missing side
     */
    public record Discrepancy(String table, String item, Object printed, Object computed, BigDecimal difference) {
    }

    /** Collects comparisons. */
    static final class Comparison {
        private final List<Discrepancy> discrepancies = new ArrayList<>();
        private int compared;

        void money(String table, String item, Object printed, Long computed) {
            compared++;
            Long p = printed instanceof Number n ? n.longValue() : null;
            if (p == null || computed == null || p.longValue() != computed.longValue()) {
                discrepancies.add(new Discrepancy(table, item, printed, computed, p == null || computed == null ? null
                        : BigDecimal.valueOf(p - computed)));
            }
        }

        /** A printed decimal ("96,66", "104", "96%", "-") against an unrounded computed value. */
        void decimal(String table, String item, Object printed, BigDecimal exact) {
            compared++;
            String text = printed == null ? "-" : printed.toString().strip();
            if (text.equals("-") || text.isEmpty()) {
                if (exact != null) {
                    discrepancies.add(new Discrepancy(table, item, text, Percentages.round(exact), null));
                }
                return;
            }
            BigDecimal p;
            try {
                p = new BigDecimal(text.replace("%", "").replace(".", "").replace(',', '.').strip());
            } catch (NumberFormatException e) {
                discrepancies.add(new Discrepancy(table, item, text, exact == null ? null : Percentages.round(exact),
                        null));
                return;
            }
            if (exact == null) {
                discrepancies.add(new Discrepancy(table, item, text, null, null));
                return;
            }
            BigDecimal atPrintedPrecision = exact.setScale(Math.max(0, p.scale()), RoundingMode.HALF_UP);
            if (atPrintedPrecision.compareTo(p) != 0) {
                discrepancies.add(new Discrepancy(table, item, text, Percentages.round(exact),
                        p.subtract(atPrintedPrecision)));
            }
        }

        void label(String table, String item, Object printed, String computed) {
            compared++;
            String p = printed == null ? null : printed.toString().strip();
            if (p == null ? computed != null : !p.equalsIgnoreCase(computed == null ? "" : computed)) {
                discrepancies.add(new Discrepancy(table, item, p, computed, null));
            }
        }
    }

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

    /** Compares the printed figures with the budget and plan as the ledger folds them. */
    public static ReconciliationReport of(String organisationId, int year, String source, Map<String, Object> printed,
                                          Map<String, Object> amendment, BudgetBook budget, PlanBook plan) {
        return of(organisationId, year, source, printed, amendment, budget, plan, Grading.DEFAULT);
    }

    /** The same, with labels (kategori, kemajuan, efisiensi) on the scales in force for the organisation. */
    public static ReconciliationReport of(String organisationId, int year, String source, Map<String, Object> printed,
                                          Map<String, Object> amendment, BudgetBook budget, PlanBook plan,
                                          Grading grading) {
        Comparison c = new Comparison();
        List<String> notCompared = new ArrayList<>();
        for (Map.Entry<String, Object> table : printed.entrySet()) {
            String name = table.getKey();
            Map<String, Object> t = map(table.getValue());
            if (name.startsWith("table_2_4") || name.startsWith("table_2_5")) {
                t.forEach((k, v) -> {
                    if (k.startsWith("program_")) {
                        c.money(name, k, v, programBudget(budget, Integer.parseInt(k.substring("program_".length()))));
                    }
                });
            } else if (name.startsWith("table_3_2_") && plan != null) {
                int y = Integer.parseInt(name.substring("table_3_2_".length()));
                t.forEach((indicatorId, v) -> achievementRow(c, name, indicatorId, map(v), plan, y, grading));
            } else if (name.startsWith("table_3_3") && plan != null) {
                t.forEach((indicatorId, years) -> map(years).forEach((y, v) ->
                        achievementRow(c, name, indicatorId + " " + y, map(v), plan, indicatorId,
                                Integer.parseInt(y), grading)));
            } else if (name.startsWith("table_3_4") && plan != null) {
                t.forEach((indicatorId, v) -> progressRow(c, name, indicatorId, map(v), plan, year, grading));
            } else if (name.startsWith("table_3_7") && plan != null) {
                EfficiencyReport efficiency = EfficiencyReport.of(plan, budget, year, grading);
                t.forEach((objective, v) -> efficiencyRow(c, name, objective, map(v), plan, budget, year, efficiency,
                        grading));
            } else if (name.startsWith("table_3_9")) {
                budgetRealisation(c, name, t, budget);
            } else if (name.startsWith("section_3_3_spending_split")) {
                long pegawai = budget.classTotals().get(EconomicClass.PEGAWAI);
                long total = budget.totalBudget();
                c.money(name, "belanja_pegawai", t.get("belanja_pegawai"), pegawai);
                c.money(name, "belanja_barang_jasa (all spending other than pegawai)", t.get("belanja_barang_jasa"),
                        total - pegawai);
                c.money(name, "total", t.get("total"), total);
            } else {
                notCompared.add(name);
            }
        }
        if (amendment != null && !amendment.isEmpty()) {
            amendmentRows(c, amendment, budget, notCompared);
        }
        return new ReconciliationReport(organisationId, year, source, c.compared, c.discrepancies, notCompared);
    }

    private static void achievementRow(Comparison c, String table, String indicatorId, Map<String, Object> v,
                                       PlanBook plan, int year, Grading grading) {
        achievementRow(c, table, indicatorId, v, plan, indicatorId, year, grading);
    }

    private static void achievementRow(Comparison c, String table, String item, Map<String, Object> v, PlanBook plan,
                                       String indicatorId, int year, Grading grading) {
        PlanBook.IndicatorBook i = plan.indicator(indicatorId);
        if (i == null) {
            c.label(table, item, indicatorId, null);
            return;
        }
        BigDecimal target = i.targets.get(year);
        BigDecimal realisation = i.realisations.get(year);
        BigDecimal achievement = PerformanceReports.achievementExact(i, year, grading.capaian(year));
        if (v.containsKey("target")) {
            c.decimal(table, item + " target", v.get("target"), target);
        }
        if (v.containsKey("realisasi")) {
            c.decimal(table, item + " realisasi", v.get("realisasi"), realisation);
        }
        if (v.containsKey("capaian")) {
            c.decimal(table, item + " capaian", v.get("capaian"), achievement);
        }
        if (v.containsKey("kategori")) {
            c.label(table, item + " kategori", v.get("kategori"),
                    grading.capaian(year).category(Percentages.round(achievement)));
        }
    }

    private static void progressRow(Comparison c, String table, String indicatorId, Map<String, Object> v,
                                    PlanBook plan, int year, Grading grading) {
        PlanBook.IndicatorBook i = plan.indicator(indicatorId);
        if (i == null) {
            c.label(table, indicatorId, indicatorId, null);
            return;
        }
        BigDecimal realisation = i.realisations.get(year);
        BigDecimal finalTarget = i.targets.get(plan.toYear);
        BigDecimal progress = PerformanceMath.achievementExact(finalTarget, realisation, i.direction);
        v.forEach((k, value) -> {
            if (k.startsWith("realisasi")) {
                c.decimal(table, indicatorId + " " + k, value, realisation);
            } else if (k.startsWith("target")) {
                c.decimal(table, indicatorId + " " + k, value, finalTarget);
            } else if (k.equals("capaian")) {
                c.decimal(table, indicatorId + " capaian", value, progress);
            } else if (k.equals("kemajuan")) {
                c.label(table, indicatorId + " kemajuan", value,
                        grading.capaian(year).category(Percentages.round(progress)));
            }
        });
    }

    private static void efficiencyRow(Comparison c, String table, String objective, Map<String, Object> v,
                                      PlanBook plan, BudgetBook budget, int year, EfficiencyReport efficiency,
                                      Grading grading) {
        EfficiencyReport.Row row = efficiency.rows().stream().filter(r -> r.objective().equals(objective)).findFirst()
                .orElse(null);
        if (row == null) {
            c.label(table, objective, objective, null);
            return;
        }
        c.decimal(table, objective + " capaian_kinerja", v.get("capaian_kinerja"),
                PerformanceReports.objectiveAchievementExact(plan, objective, year, grading.capaian(year)));
        c.money(table, objective + " anggaran_target", v.get("anggaran_target"), row.budget());
        c.money(table, objective + " anggaran_realisasi", v.get("anggaran_realisasi"), row.realised());
        c.decimal(table, objective + " capaian_anggaran", v.get("capaian_anggaran"),
                Percentages.exactRatio(row.realised(), row.budget()));
        c.label(table, objective + " efisiensi", v.get("efisiensi"), row.category());
    }

    private static void budgetRealisation(Comparison c, String table, Map<String, Object> t, BudgetBook budget) {
        map(t.get("lines")).forEach((number, v) -> {
            List<Object> cells = list(v);
            BudgetBook.LineBook line = lineByNumber(budget, number);
            String item = "line " + number;
            if (line == null || cells.size() < 4) {
                c.label(table, item, String.valueOf(v), null);
                return;
            }
            c.money(table, item + " anggaran", cells.get(0), line.budget);
            c.money(table, item + " realisasi", cells.get(1), line.realised);
            c.money(table, item + " selisih", cells.get(2), line.budget - line.realised);
            c.decimal(table, item + " persentase", cells.get(3), Percentages.exactRatio(line.realised, line.budget));
        });
        List<Object> total = list(t.get("total"));
        if (total.size() >= 4) {
            long amount = budget.totalBudget();
            long realised = budget.lines.values().stream().mapToLong(l -> l.realised).sum();
            c.money(table, "total anggaran", total.get(0), amount);
            c.money(table, "total realisasi", total.get(1), realised);
            c.money(table, "total selisih", total.get(2), amount - realised);
            c.decimal(table, "total persentase", total.get(3), Percentages.exactRatio(realised, amount));
        }
    }

    private static void amendmentRows(Comparison c, Map<String, Object> amendment, BudgetBook budget,
                                      List<String> notCompared) {
        String table = "table_2_6_amendment";
        Map<EconomicClass, Long> after = budget.classTotals();
        Map<String, Object> printedAfter = map(amendment.get("after"));
        for (EconomicClass cls : EconomicClass.values()) {
            if (printedAfter.containsKey(cls.code())) {
                c.money(table, "after " + cls.code(), printedAfter.get(cls.code()), after.get(cls));
            }
        }
        if (printedAfter.containsKey("total")) {
            c.money(table, "after total", printedAfter.get("total"), budget.totalBudget());
        }
        Map<String, Object> printedBefore = map(amendment.get("before"));
        if (!budget.amendments.isEmpty()) {
            BudgetBook.AmendmentInfo first = budget.amendments.get(0);
            for (EconomicClass cls : EconomicClass.values()) {
                if (printedBefore.containsKey(cls.code())) {
                    c.money(table, "before " + cls.code(), printedBefore.get(cls.code()), first.before().get(cls));
                }
            }
            if (printedBefore.containsKey("total")) {
                c.money(table, "before total", printedBefore.get("total"), first.totalBefore());
            }
        } else if (!printedBefore.isEmpty()) {
            notCompared.add(table + ".before (the ledger holds no amendment of this budget, so it has no "
                    + "figures from before one)");
        }
    }
}
