package id.sakip.ledger.reporting.web;

import java.time.Instant;
import java.time.LocalDateTime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import id.sakip.ledger.budget.query.BudgetAmendmentReport;
import id.sakip.ledger.budget.query.BudgetBook;
import id.sakip.ledger.budget.query.BudgetQueries;
import id.sakip.ledger.budget.query.BudgetRealisationReport;
import id.sakip.ledger.budget.query.BudgetTree;
import id.sakip.ledger.budget.web.BudgetTables;
import id.sakip.ledger.performance.web.PerformanceTables;
import id.sakip.ledger.shared.InvalidValue;
import id.sakip.ledger.shared.export.ExportFormat;
import id.sakip.ledger.shared.export.ReportTable;
import id.sakip.ledger.organisation.web.PrintHeadings;
import id.sakip.ledger.shared.web.Downloads;
import id.sakip.ledger.performance.computation.Grading;
import id.sakip.ledger.performance.computation.ScaleKind;
import id.sakip.ledger.performance.query.GradingScaleQueries;
import id.sakip.ledger.performance.query.PerformanceQueries;
import id.sakip.ledger.performance.query.PerformanceReports;
import id.sakip.ledger.performance.query.PlanBook;
import id.sakip.ledger.reporting.query.LkjipQueries;
import id.sakip.ledger.shared.LedgerClock;
import id.sakip.ledger.shared.OrganisationAccess;
import id.sakip.ledger.shared.RuleViolation;
import id.sakip.ledger.shared.web.IndonesianMessages;
import id.sakip.ledger.shared.web.LedgerIds;
import id.sakip.ledger.shared.IndonesianFormat;

/** The LKjIP tables as one page, live or as the ledger knew them at a chosen moment. */
@Controller
public class ReportPages {

    private final BudgetQueries budgets;
    private final PerformanceQueries performance;
    private final LkjipQueries lkjip;
    private final OrganisationAccess access;
    private final GradingScaleQueries scales;
    private final PrintHeadings headings;

    public ReportPages(BudgetQueries budgets, PerformanceQueries performance, LkjipQueries lkjip,
                       OrganisationAccess access, GradingScaleQueries scales, PrintHeadings headings) {
        this.budgets = budgets;
        this.performance = performance;
        this.lkjip = lkjip;
        this.access = access;
        this.scales = scales;
        this.headings = headings;
    }

    @GetMapping("/org/{org}/laporan/{year}")
    public String report(@PathVariable String org, @PathVariable int year,
                         @RequestParam(required = false) String asOf, Model model) {
        access.requireRead(LedgerIds.require(org, "organisation"));
        Instant at = parseAsOf(asOf);
        model.addAttribute("org", org);
        model.addAttribute("year", year);
        model.addAttribute("asOf", asOf);
        model.addAttribute("asOfInstant", at);
        model.addAttribute("economicClasses", id.sakip.ledger.budget.api.EconomicClass.values());
        Supplier<BudgetBook> book = once(() -> budgets.book(org, year, at, null));
        Supplier<PlanBook> plan = once(() -> performance.planFor(org, year, at));
        Grading grading = scales.grading(org, at);
        attempt(model, "budget", () -> BudgetRealisationReport.of(book.get()));
        attempt(model, "amendments", () -> BudgetAmendmentReport.of(book.get()));
        attempt(model, "achievement", () -> PerformanceReports.achievement(plan.get(), year, grading));
        model.addAttribute("capaianScale", scales.ofOrganisation(org, ScaleKind.CAPAIAN, year, at).inForce());
        attempt(model, "comparison", () -> PerformanceReports.comparison(org, performance.plans(org, at), year - 2,
                year, grading));
        attempt(model, "progress", () -> PerformanceReports.progress(plan.get(), year, grading));
        attempt(model, "objectives", () -> PerformanceReports.objectives(plan.get(), year, grading));
        attempt(model, "efficiency", () -> lkjip.efficiency(org, year, at));
        attempt(model, "reconciliation", () -> lkjip.reconciliation(org, year, at));
        return "lkjip";
    }

    /**
     * One table, or {@code semua} for every table, as XLSX, CSV or PDF, live or as of a past moment; the workbook of
     * Table 3.9 ends with the whole DPA, as the API's does.
     */
    @GetMapping("/org/{org}/laporan/{year}/unduh")
    public ResponseEntity<byte[]> download(@PathVariable String org, @PathVariable int year,
                                           @RequestParam String tabel, @RequestParam String format,
                                           @RequestParam(required = false) String asOf) {
        access.requireRead(LedgerIds.require(org, "organisation"));
        ExportFormat file = ExportFormat.parse(format);
        Instant at = parseAsOf(asOf);
        String subtitle = Downloads.subtitle(org, "tahun " + year, at);
        Supplier<BudgetBook> book = once(() -> budgets.book(org, year, at, null));
        Supplier<PlanBook> plan = once(() -> performance.planFor(org, year, at));
        Grading grading = scales.grading(org, at);
        Map<String, Supplier<List<ReportTable>>> tables = new LinkedHashMap<>();
        tables.put("3.9", () -> BudgetTables.realisation(BudgetRealisationReport.of(book.get()), subtitle));
        tables.put("2.6", () -> BudgetTables.amendments(BudgetAmendmentReport.of(book.get()), subtitle));
        tables.put("3.2", () -> PerformanceTables.achievement(PerformanceReports.achievement(plan.get(), year,
                grading), subtitle));
        tables.put("3.3", () -> PerformanceTables.comparison(PerformanceReports.comparison(org,
                performance.plans(org, at), year - 2, year, grading), Downloads.subtitle(org, "tahun " + (year - 2)
                + "-" + year, at)));
        tables.put("3.4", () -> PerformanceTables.progress(PerformanceReports.progress(plan.get(), year, grading),
                subtitle));
        tables.put("sasaran", () -> PerformanceTables.objectives(PerformanceReports.objectives(plan.get(), year,
                grading), subtitle));
        tables.put("3.7", () -> LkjipTables.efficiency(lkjip.efficiency(org, year, at), subtitle));
        tables.put("rekonsiliasi", () -> LkjipTables.reconciliation(lkjip.reconciliation(org, year, at), subtitle));
        List<ReportTable> chosen = new ArrayList<>();
        if ("semua".equals(tabel)) {
            for (Supplier<List<ReportTable>> t : tables.values()) {
                try {
                    chosen.addAll(t.get());
                } catch (RuleViolation missing) {
                    // a table whose data was never recorded is left out of the full download
                    continue;
                }
            }
        } else if (tables.containsKey(tabel)) {
            chosen.addAll(tables.get(tabel).get());
        } else {
            throw new InvalidValue("UNKNOWN_TABLE", "tabel must be one of " + String.join(", ", tables.keySet())
                    + " or semua", Map.of("tabel", tabel));
        }
        List<ReportTable> dpa = "3.9".equals(tabel) ? List.of(BudgetTables.dpa(BudgetTree.of(book.get()), subtitle))
                : List.of();
        return Downloads.of(("semua".equals(tabel) ? "lkjip" : "tabel-" + tabel) + "-" + org + "-" + year
                + (at == null ? "" : "-per-" + asOf.replace(":", "")), file, chosen, headings.of(org, at), dpa);
    }

    /** A source read or folded at most once, however many tables of one request use it. */
    private static <T> Supplier<T> once(Supplier<T> source) {
        List<T> value = new ArrayList<>(1);
        return () -> {
            if (value.isEmpty()) {
                value.add(source.get());
            }
            return value.get(0);
        };
    }

    private static Instant parseAsOf(String asOf) {
        try {
            return asOf == null || asOf.isBlank() ? null
                    : LocalDateTime.parse(asOf).atZone(LedgerClock.WIB).toInstant();
        } catch (java.time.format.DateTimeParseException bad) {
            throw new InvalidValue("INVALID_AS_OF", "asOf must be a date and time such as 2023-12-31T23:59",
                    Map.of("asOf", asOf));
        }
    }

    private static void attempt(Model model, String name, java.util.function.Supplier<Object> report) {
        try {
            model.addAttribute(name, report.get());
        } catch (RuleViolation missing) {
            Object at = model.getAttribute("asOfInstant");
            String message = IndonesianMessages.of(missing);
            if (at instanceof Instant asOf && message.endsWith(".")) {
                message = message.substring(0, message.length() - 1) + " menurut buku besar per "
                        + IndonesianFormat.time(asOf) + ".";
            }
            model.addAttribute(name + "Missing", message);
        }
    }
}
