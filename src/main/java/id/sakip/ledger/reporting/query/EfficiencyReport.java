package id.sakip.ledger.reporting.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import id.sakip.ledger.budget.query.BudgetBook;
import id.sakip.ledger.performance.computation.PerformanceMath;
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

    /** An objective's achievement in a year, unrounded: the mean of its indicators' unrounded achievements. */
    public static BigDecimal achievementExact(PlanBook plan, String objectiveId, int year) {
        for (PlanBook.GoalInfo goal : plan.goals) {
            for (PlanBook.ObjectiveInfo objective : goal.objectives()) {
                if (objective.id().equals(objectiveId)) {
                    List<BigDecimal> achievements = new ArrayList<>();
                    for (String id : objective.indicatorIds()) {
                        PlanBook.IndicatorBook i = plan.indicator(id);
                        achievements.add(PerformanceMath.achievementExact(i.targets.get(year),
                                i.realisations.get(year), i.direction));
                    }
                    return PerformanceMath.meanExact(achievements);
                }
            }
        }
        return null;
    }

    public static EfficiencyReport of(PlanBook plan, BudgetBook budget, int year) {
        List<Row> rows = new ArrayList<>();
        for (PlanBook.GoalInfo goal : plan.goals) {
            for (PlanBook.ObjectiveInfo objective : goal.objectives()) {
                BigDecimal achievement = achievementExact(plan, objective.id(), year);
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
                        Percentages.round(absorption), points, PerformanceMath.efficiencyCategory(points)));
            }
        }
        return new EfficiencyReport(plan.organisationId, year, rows);
    }
}
