package id.sakip.ledger.reporting.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import id.sakip.ledger.budget.query.BudgetBook;
import id.sakip.ledger.performance.computation.CategoryScale;
import id.sakip.ledger.performance.computation.Grading;
import id.sakip.ledger.performance.computation.PerformanceMath;
import id.sakip.ledger.performance.query.PerformanceReports;
import id.sakip.ledger.performance.query.PlanBook;
import id.sakip.ledger.shared.Percentages;

/**
 * LKjIP Tables 3.6/3.7: per objective, its achievement (mean of its indicators' achievements) against
 * the absorption of the budget lines that support it; efficiency = achievement − absorption, both
 * unrounded, rounded once.
 */
public record EfficiencyReport(String organisationId, int year, List<Row> rows) {

    /** One objective. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "EfficiencyRow")
    public record Row(String objective, String name, BigDecimal achievementPercent, long budget, long realised,
                      BigDecimal absorptionPercent, BigDecimal efficiencyPoints, String category) {
    }

    /**
     * An objective's achievement in a year, unrounded: the mean of its indicators' unrounded achievements
     * (the sasaran score of {@link PerformanceReports#objectives}), on Jiken's scale, which does not cap.
     */
    public static BigDecimal achievementExact(PlanBook plan, String objectiveId, int year) {
        return PerformanceReports.objectiveAchievementExact(plan, objectiveId, year, CategoryScale.JIKEN_CAPAIAN);
    }

    public static EfficiencyReport of(PlanBook plan, BudgetBook budget, int year) {
        return of(plan, budget, year, Grading.DEFAULT);
    }

    /**
     * Table 3.7 graded on the scales in force: each sasaran's achievement is the mean of its indicators'
     * capaian (capped where the capaian scale caps), its category on the efficiency scale.
     */
    public static EfficiencyReport of(PlanBook plan, BudgetBook budget, int year, Grading grading) {
        List<Row> rows = new ArrayList<>();
        for (PlanBook.GoalInfo goal : plan.goals) {
            for (PlanBook.ObjectiveInfo objective : goal.objectives()) {
                BigDecimal achievement = PerformanceReports.objectiveAchievementExact(plan, objective.id(), year,
                        grading.capaian(year));
                long spent = 0;
                long amount = 0;
                for (BudgetBook.LineBook line : budget.lines.values()) {
                    if (objective.id().equals(line.objective)) {
                        amount = Math.addExact(amount, line.budget);
                        spent = Math.addExact(spent, line.realised);
                    }
                }
                BigDecimal absorption = Percentages.exactRatio(spent, amount);
                BigDecimal points = PerformanceMath.efficiency(achievement, absorption);
                rows.add(new Row(objective.id(), objective.name(), Percentages.round(achievement), amount, spent,
                        Percentages.round(absorption), points, grading.efficiency(year).category(points)));
            }
        }
        return new EfficiencyReport(plan.organisationId, year, rows);
    }
}
