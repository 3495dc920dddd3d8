package id.sakip.ledger.performance.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import id.sakip.ledger.performance.computation.CategoryScale;
import id.sakip.ledger.performance.computation.Grading;
import id.sakip.ledger.performance.computation.GradingScale;
import id.sakip.ledger.performance.computation.PerformanceMath;
import id.sakip.ledger.shared.Percentages;

/** The performance tables of the LKjIP, computed from a {@link PlanBook} by {@link PerformanceMath}. */
public final class PerformanceReports {

    private PerformanceReports() {
    }

    /** Tables 3.2 and 4.1: target, realisation, achievement, category and grade of each indicator in a year. */
    @io.swagger.v3.oas.annotations.media.Schema(example = """
            {"organisationId": "kec-jiken", "planId": "renstra-2021-2026", "year": 2023, "rows": [{"indicatorId": "IKU-1",
            "name": "Nilai SAKIP Perangkat Daerah", "objective": "S1", "unit": "nilai", "direction": "higher_is_better",
            "target": 75.00, "realisation": 72.50, "achievementPercent": 96.67, "category": "Baik", "grade": "BB",
            "gradeLabel": "Sangat Baik"}, {"indicatorId": "IKU-2", "name": "Nilai Survey Kepuasan Masyarakat (SKM) di Kecamatan",
            "objective": "S2", "unit": "nilai", "direction": "higher_is_better", "target": 83.00, "realisation": 86.55,
            "achievementPercent": 104.28, "category": "Sangat Baik", "grade": "B", "gradeLabel": "Baik"}]}
            """)
    public record AchievementReport(String organisationId, String planId, int year, List<AchievementRow> rows) {
    }

    /** One indicator in one year. */
    public record AchievementRow(String indicatorId, String name, String objective, String unit, String direction,
                                 BigDecimal target, BigDecimal realisation, BigDecimal achievementPercent,
                                 String category, String grade, String gradeLabel) {
    }

    /** Table 3.3: each indicator across years. */
    public record ComparisonReport(String organisationId, int from, int to, List<ComparisonRow> rows) {
    }

    /** One indicator across years. */
    public record ComparisonRow(String indicatorId, String name, String objective, List<YearValue> years) {
    }

    /** One year of an indicator. */
    public record YearValue(int year, BigDecimal target, BigDecimal realisation, BigDecimal achievementPercent,
                            String category, String grade) {
    }

    /** Table 3.4: progress towards the Renstra's final-year target. */
    public record ProgressReport(String organisationId, String planId, int year, List<ProgressRow> rows) {
    }

    /** One indicator's progress. */
    public record ProgressRow(String indicatorId, String name, String objective, int year, BigDecimal realisation,
                              int finalYear, BigDecimal finalTarget, BigDecimal progressPercent, String category) {
    }

    /** Sasaran scores: per objective its indicators' capaian, their number, sum and mean. */
    public record ObjectiveReport(String organisationId, String planId, int year, List<ObjectiveRow> objectives) {
    }

    /**
     * One objective (sasaran): {@code achievementPercent} is the mean of its indicators' unrounded (and,
     * where the scale caps, capped) capaian rounded once, over the {@code measuredCount} indicators that
     * have one; {@code achievementTotal} is their sum, rounded once (the printed "Jumlah").
     */
    public record ObjectiveRow(String goal, String objective, String name, List<ObjectiveIndicator> indicators,
                               int indicatorCount, int measuredCount, BigDecimal achievementTotal,
                               BigDecimal achievementPercent, String category) {
    }

    /** One indicator of an objective. */
    public record ObjectiveIndicator(String indicatorId, String name, String unit, BigDecimal target,
                                     BigDecimal realisation, BigDecimal achievementPercent, String category) {
    }

    /** An indicator's capaian in a year, unrounded, capped where the scale caps; {@code null} without data. */
    public static BigDecimal achievementExact(PlanBook.IndicatorBook i, int year, CategoryScale scale) {
        return scale.capped(PerformanceMath.achievementExact(i.targets.get(year), i.realisations.get(year),
                i.direction));
    }

    /** An objective's capaian in a year, unrounded: the mean of its indicators' (capped) unrounded capaian. */
    public static BigDecimal objectiveAchievementExact(PlanBook plan, String objectiveId, int year,
                                                       CategoryScale scale) {
        for (PlanBook.GoalInfo goal : plan.goals) {
            for (PlanBook.ObjectiveInfo objective : goal.objectives()) {
                if (objective.id().equals(objectiveId)) {
                    List<BigDecimal> achievements = new ArrayList<>();
                    for (String id : objective.indicatorIds()) {
                        achievements.add(achievementExact(plan.indicator(id), year, scale));
                    }
                    return PerformanceMath.meanExact(achievements);
                }
            }
        }
        return null;
    }

    public static ObjectiveReport objectives(PlanBook plan, int year, Grading grading) {
        CategoryScale scale = grading.capaian(year);
        List<ObjectiveRow> rows = new ArrayList<>();
        for (PlanBook.GoalInfo goal : plan.goals) {
            for (PlanBook.ObjectiveInfo objective : goal.objectives()) {
                List<ObjectiveIndicator> indicators = new ArrayList<>();
                BigDecimal total = BigDecimal.ZERO;
                int measured = 0;
                for (String id : objective.indicatorIds()) {
                    PlanBook.IndicatorBook i = plan.indicator(id);
                    BigDecimal exact = achievementExact(i, year, scale);
                    BigDecimal shown = Percentages.round(exact);
                    if (exact != null) {
                        total = total.add(exact);
                        measured++;
                    }
                    indicators.add(new ObjectiveIndicator(i.id, i.name, i.unit, i.targets.get(year),
                            i.realisations.get(year), shown, scale.category(shown)));
                }
                BigDecimal mean = Percentages.round(objectiveAchievementExact(plan, objective.id(), year, scale));
                rows.add(new ObjectiveRow(goal.id(), objective.id(), objective.name(), indicators, indicators.size(),
                        measured, measured == 0 ? null : Percentages.round(total), mean, scale.category(mean)));
            }
        }
        return new ObjectiveReport(plan.organisationId, plan.planId, year, rows);
    }

    public static YearValue yearValue(PlanBook.IndicatorBook i, int year) {
        return yearValue(i, year, CategoryScale.JIKEN_CAPAIAN);
    }

    public static YearValue yearValue(PlanBook.IndicatorBook i, int year, CategoryScale scale) {
        BigDecimal target = i.targets.get(year);
        BigDecimal realisation = i.realisations.get(year);
        BigDecimal achievement = Percentages.round(achievementExact(i, year, scale));
        GradingScale.Grade grade = i.grading == null ? null : i.grading.grade(realisation);
        return new YearValue(year, target, realisation, achievement, scale.category(achievement),
                grade == null ? null : grade.grade());
    }

    public static AchievementReport achievement(PlanBook plan, int year) {
        return achievement(plan, year, Grading.DEFAULT);
    }

    public static AchievementReport achievement(PlanBook plan, int year, Grading grading) {
        List<AchievementRow> rows = new ArrayList<>();
        for (PlanBook.IndicatorBook i : plan.indicators) {
            YearValue v = yearValue(i, year, grading.capaian(year));
            GradingScale.Grade grade = i.grading == null ? null : i.grading.grade(v.realisation());
            rows.add(new AchievementRow(i.id, i.name, i.objectiveId, i.unit, i.direction.code(), v.target(),
                    v.realisation(), v.achievementPercent(), v.category(), v.grade(),
                    grade == null ? null : grade.label()));
        }
        return new AchievementReport(plan.organisationId, plan.planId, year, rows);
    }

    public static ComparisonReport comparison(String organisationId, List<PlanBook> plans, int from, int to) {
        return comparison(organisationId, plans, from, to, Grading.DEFAULT);
    }

    public static ComparisonReport comparison(String organisationId, List<PlanBook> plans, int from, int to,
                                              Grading grading) {
        List<ComparisonRow> rows = new ArrayList<>();
        for (PlanBook plan : plans) {
            for (PlanBook.IndicatorBook i : plan.indicators) {
                ComparisonRow row = rows.stream().filter(r -> r.indicatorId().equals(i.id)).findFirst().orElse(null);
                if (row == null) {
                    row = new ComparisonRow(i.id, i.name, i.objectiveId, new ArrayList<>());
                    rows.add(row);
                }
                for (int year = Math.max(from, plan.fromYear); year <= Math.min(to, plan.toYear); year++) {
                    row.years().add(yearValue(i, year, grading.capaian(year)));
                }
            }
        }
        rows.forEach(r -> r.years().sort(java.util.Comparator.comparingInt(YearValue::year)));
        return new ComparisonReport(organisationId, from, to, rows);
    }

    public static ProgressReport progress(PlanBook plan, int year) {
        return progress(plan, year, Grading.DEFAULT);
    }

    public static ProgressReport progress(PlanBook plan, int year, Grading grading) {
        CategoryScale scale = grading.capaian(year);
        List<ProgressRow> rows = new ArrayList<>();
        for (PlanBook.IndicatorBook i : plan.indicators) {
            BigDecimal realisation = i.realisations.get(year);
            BigDecimal finalTarget = i.targets.get(plan.toYear);
            BigDecimal progress = PerformanceMath.achievement(finalTarget, realisation, i.direction);
            rows.add(new ProgressRow(i.id, i.name, i.objectiveId, year, realisation, plan.toYear, finalTarget, progress,
                    scale.category(progress)));
        }
        return new ProgressReport(plan.organisationId, plan.planId, year, rows);
    }
}
