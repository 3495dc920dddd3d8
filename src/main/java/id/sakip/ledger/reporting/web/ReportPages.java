package id.sakip.ledger.reporting.web;

import java.time.Instant;
import java.time.LocalDateTime;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import id.sakip.ledger.budget.query.BudgetQueries;
import id.sakip.ledger.performance.query.PerformanceQueries;
import id.sakip.ledger.performance.query.PerformanceReports;
import id.sakip.ledger.reporting.query.LkjipQueries;
import id.sakip.ledger.shared.LedgerClock;
import id.sakip.ledger.shared.OrganisationAccess;
import id.sakip.ledger.shared.RuleViolation;
import id.sakip.ledger.shared.web.LedgerIds;

/** The LKjIP tables as one page, live or as the ledger knew them at a chosen moment. */
@Controller
public class ReportPages {

    private final BudgetQueries budgets;
    private final PerformanceQueries performance;
    private final LkjipQueries lkjip;
    private final OrganisationAccess access;

    public ReportPages(BudgetQueries budgets, PerformanceQueries performance, LkjipQueries lkjip,
                       OrganisationAccess access) {
        this.budgets = budgets;
        this.performance = performance;
        this.lkjip = lkjip;
        this.access = access;
    }

    @GetMapping("/org/{org}/laporan/{year}")
    public String report(@PathVariable String org, @PathVariable int year,
                         @RequestParam(required = false) String asOf, Model model) {
        access.requireRead(LedgerIds.require(org, "organisation"));
        Instant at = asOf == null || asOf.isBlank() ? null
                : LocalDateTime.parse(asOf).atZone(LedgerClock.WIB).toInstant();
        model.addAttribute("org", org);
        model.addAttribute("year", year);
        model.addAttribute("asOf", asOf);
        model.addAttribute("asOfInstant", at);
        attempt(model, "budget", () -> budgets.realisation(org, year, at, null));
        attempt(model, "amendments", () -> budgets.amendments(org, year, at));
        attempt(model, "achievement", () -> PerformanceReports.achievement(performance.planFor(org, year, at), year));
        attempt(model, "comparison", () -> PerformanceReports.comparison(org, performance.plans(org, at), year - 2,
                year));
        attempt(model, "progress", () -> PerformanceReports.progress(performance.planFor(org, year, at), year));
        attempt(model, "efficiency", () -> lkjip.efficiency(org, year, at));
        attempt(model, "reconciliation", () -> lkjip.reconciliation(org, year, at));
        return "lkjip";
    }

    private static void attempt(Model model, String name, java.util.function.Supplier<Object> report) {
        try {
            model.addAttribute(name, report.get());
        } catch (RuleViolation missing) {
            model.addAttribute(name + "Missing", missing.getMessage());
        }
    }
}
