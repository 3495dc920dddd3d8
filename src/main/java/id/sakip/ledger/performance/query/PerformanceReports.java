package id.sakip.ledger.performance.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import id.sakip.ledger.performance.computation.GradingScale;
import id.sakip.ledger.performance.computation.PerformanceMath;

/** The performance tables of the LKjIP, computed from a {@link PlanBook} by {@link PerformanceMath}. */
public final class PerformanceReports {

    private PerformanceReports() {
    }

    /** Tables 3.2 and 4.1: target, realisation, achievement, category and grade of each indicator in a year. */
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

    public static YearValue yearValue(PlanBook.IndicatorBook i, int year) {
        BigDecimal target = i.targets.get(year);
        BigDecimal realisation = i.realisations.get(year);
        BigDecimal achievement = PerformanceMath.achievement(target, realisation, i.direction);
        GradingScale.Grade grade = i.grading == null ? null : i.grading.grade(realisation);
        return new YearValue(year, target, realisation, achievement, PerformanceMath.category(achievement),
                grade == null ? null : grade.grade());
    }

    public static AchievementReport achievement(PlanBook plan, int year) {
        List<AchievementRow> rows = new ArrayList<>();
        for (PlanBook.IndicatorBook i : plan.indicators) {
            YearValue v = yearValue(i, year);
            GradingScale.Grade grade = i.grading == null ? null : i.grading.grade(v.realisation());
            rows.add(new AchievementRow(i.id, i.name, i.objectiveId, i.unit, i.direction.code(), v.target(),
                    v.realisation(), v.achievementPercent(), v.category(), v.grade(),
                    grade == null ? null : grade.label()));
        }
        return new AchievementReport(plan.organisationId, plan.planId, year, rows);
    }

    public static ComparisonReport comparison(String organisationId, List<PlanBook> plans, int from, int to) {
        List<ComparisonRow> rows = new ArrayList<>();
        for (PlanBook plan : plans) {
            for (PlanBook.IndicatorBook i : plan.indicators) {
                ComparisonRow row = rows.stream().filter(r -> r.indicatorId().equals(i.id)).findFirst().orElse(null);
                if (row == null) {
                    row = new ComparisonRow(i.id, i.name, i.objectiveId, new ArrayList<>());
                    rows.add(row);
                }
                for (int year = Math.max(from, plan.fromYear); year <= Math.min(to, plan.toYear); year++) {
                    row.years().add(yearValue(i, year));
                }
            }
        }
        rows.forEach(r -> r.years().sort(java.util.Comparator.comparingInt(YearValue::year)));
        return new ComparisonReport(organisationId, from, to, rows);
    }

    public static ProgressReport progress(PlanBook plan, int year) {
        List<ProgressRow> rows = new ArrayList<>();
        for (PlanBook.IndicatorBook i : plan.indicators) {
            BigDecimal realisation = i.realisations.get(year);
            BigDecimal finalTarget = i.targets.get(plan.toYear);
            BigDecimal progress = PerformanceMath.achievement(finalTarget, realisation, i.direction);
            rows.add(new ProgressRow(i.id, i.name, i.objectiveId, year, realisation, plan.toYear, finalTarget, progress,
                    PerformanceMath.category(progress)));
        }
        return new ProgressReport(plan.organisationId, plan.planId, year, rows);
    }
}
