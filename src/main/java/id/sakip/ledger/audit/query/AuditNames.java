package id.sakip.ledger.audit.query;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import id.sakip.ledger.budget.query.BudgetBook;
import id.sakip.ledger.budget.query.BudgetQueries;
import id.sakip.ledger.performance.query.PerformanceQueries;
import id.sakip.ledger.performance.query.PlanBook;
import id.sakip.ledger.shared.RuleViolation;

/** The names of budget lines and indicators as the read models know them now, for the audit pages. */
@Component
public class AuditNames {

    private final BudgetQueries budgets;
    private final PerformanceQueries performance;

    public AuditNames(BudgetQueries budgets, PerformanceQueries performance) {
        this.budgets = budgets;
        this.performance = performance;
    }

    /** Names for one page: each budget and each organisation's plans are read once. */
    public EventNarration.Names forOnePage() {
        Map<String, BudgetBook> books = new HashMap<>();
        Map<String, Map<String, String>> indicators = new HashMap<>();
        return new EventNarration.Names() {
            @Override
            public String line(String organisationId, int year, String lineId) {
                BudgetBook book = books.computeIfAbsent(organisationId + "/" + year, k -> {
                    try {
                        return budgets.book(organisationId, year, null, null);
                    } catch (RuleViolation none) {
                        return BudgetBook.empty(null);
                    }
                });
                BudgetBook.LineBook line = book.lines.get(lineId);
                return line == null ? null : line.number + " " + line.name;
            }

            @Override
            public String indicator(String organisationId, String indicatorId) {
                return indicators.computeIfAbsent(organisationId, k -> {
                    Map<String, String> names = new HashMap<>();
                    for (PlanBook plan : performance.plans(organisationId, null)) {
                        for (PlanBook.IndicatorBook i : plan.indicators) {
                            names.putIfAbsent(i.id, i.name);
                        }
                    }
                    return names;
                }).get(indicatorId);
            }
        };
    }
}
