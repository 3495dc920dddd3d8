package id.sakip.ledger.reporting.query;

import java.time.Instant;

import org.springframework.stereotype.Service;

import id.sakip.ledger.budget.query.BudgetQueries;
import id.sakip.ledger.performance.query.PerformanceQueries;

/** LKjIP questions that join the budget and performance ledgers. */
@Service
public class LkjipQueries {

    private final BudgetQueries budgets;
    private final PerformanceQueries performance;

    public LkjipQueries(BudgetQueries budgets, PerformanceQueries performance) {
        this.budgets = budgets;
        this.performance = performance;
    }

    public EfficiencyReport efficiency(String organisationId, int year, Instant asOf) {
        return EfficiencyReport.of(performance.planFor(organisationId, year, asOf),
                budgets.book(organisationId, year, asOf, null), year, asOf);
    }
}
