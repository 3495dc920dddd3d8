package id.sakip.ledger.reporting.query;

import java.time.Instant;

import org.springframework.stereotype.Service;

import id.sakip.ledger.budget.query.BudgetBook;
import id.sakip.ledger.budget.query.BudgetQueries;
import id.sakip.ledger.eventstore.projection.AggregateHistory;
import id.sakip.ledger.performance.query.PlanBook;
import id.sakip.ledger.reporting.api.PrintedReportRecorded;
import id.sakip.ledger.reporting.api.PublishedReportId;
import id.sakip.ledger.shared.UnknownItem;
import id.sakip.ledger.performance.query.GradingScaleQueries;
import id.sakip.ledger.performance.query.PerformanceQueries;

/** LKjIP questions that join the budget and performance ledgers. */
@Service
public class LkjipQueries {

    private final BudgetQueries budgets;
    private final PerformanceQueries performance;

    private final AggregateHistory history;
    private final GradingScaleQueries scales;

    public LkjipQueries(BudgetQueries budgets, PerformanceQueries performance, AggregateHistory history,
                        GradingScaleQueries scales) {
        this.budgets = budgets;
        this.performance = performance;
        this.history = history;
        this.scales = scales;
    }

    /** The reconciliation of the printed LKjIP of a year against the ledger, as of an instant. */
    public ReconciliationReport reconciliation(String organisationId, int year, Instant asOf) {
        java.util.List<PrintedReportRecorded> printed = new java.util.ArrayList<>();
        history.forEach(PublishedReportId.of(organisationId, year), asOf, m -> {
            if (m.getPayload() instanceof PrintedReportRecorded p) {
                printed.add(p);
            }
        });
        if (printed.isEmpty()) {
            throw new UnknownItem("NO_PRINTED_REPORT", "No printed LKjIP " + year + " of " + organisationId
                    + " was recorded (import a file with a printed: section)",
                    java.util.Map.of("organisationId", organisationId, "year", year));
        }
        PrintedReportRecorded p = printed.get(0);
        PlanBook plan = performance.plans(organisationId, asOf).stream().filter(b -> b.covers(year)).findFirst()
                .orElse(null);
        return ReconciliationReport.of(organisationId, year, p.source(), p.tables(), budgetOrNone(organisationId,
                year, asOf), plan, scales.grading(organisationId, asOf));
    }

    private BudgetBook budgetOrNone(String organisationId, int year, Instant asOf) {
        try {
            return budgets.book(organisationId, year, asOf, null);
        } catch (UnknownItem e) {
            if ("BUDGET_NOT_FOUND".equals(e.code())) {
                return null;
            }
            throw e;
        }
    }

    public EfficiencyReport efficiency(String organisationId, int year, Instant asOf) {
        return EfficiencyReport.of(performance.planFor(organisationId, year, asOf),
                budgets.book(organisationId, year, asOf, null), year, scales.grading(organisationId, asOf));
    }
}
