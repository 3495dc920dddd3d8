package id.sakip.ledger.budget.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.sakip.ledger.budget.query.BudgetAmendmentReport;
import id.sakip.ledger.budget.query.BudgetBook;
import id.sakip.ledger.budget.query.BudgetQueries;
import id.sakip.ledger.budget.query.BudgetRealisationReport;
import id.sakip.ledger.budget.query.BudgetTree;
import id.sakip.ledger.shared.export.ExportFormat;
import id.sakip.ledger.organisation.web.PrintHeadings;
import id.sakip.ledger.shared.web.Downloads;
import id.sakip.ledger.shared.web.ReportFileMapping;
import id.sakip.ledger.shared.web.LedgerIds;

/** Budget reports: realisation (LKjIP Table 3.9) and amendments (Table 2.6), live or as of a past instant. */
@RestController
@RequestMapping(path = "/api/v1/organisations/{org}/reports", produces = MediaType.APPLICATION_JSON_VALUE)
public class BudgetReportController {

    private final BudgetQueries queries;
    private final PrintHeadings headings;

    public BudgetReportController(BudgetQueries queries, PrintHeadings headings) {
        this.queries = queries;
        this.headings = headings;
    }

    @GetMapping("/budget-realisation")
    public BudgetRealisationReport realisation(@PathVariable String org, @RequestParam int year,
                                               @RequestParam(required = false) Instant asOf,
                                               @RequestParam(required = false)
                                               @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until) {
        LedgerIds.require(org, "organisation");
        return queries.realisation(org, year, asOf, until);
    }

    @GetMapping("/budget-amendments")
    public BudgetAmendmentReport amendments(@PathVariable String org, @RequestParam int year,
                                            @RequestParam(required = false) Instant asOf) {
        LedgerIds.require(org, "organisation");
        return queries.amendments(org, year, asOf);
    }

    /**
     * Table 3.9 as a file: {@code ?format=xlsx|csv|pdf}; the workbook ends with the whole DPA ("Rincian DPA"), so
     * that it imports back through the DPA import as the same budget.
     */
    @ReportFileMapping("/budget-realisation")
    public ResponseEntity<byte[]> realisationFile(@PathVariable String org, @RequestParam int year,
                                                  @RequestParam(required = false) Instant asOf,
                                                  @RequestParam(required = false)
                                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
                                                  @RequestParam String format) {
        ExportFormat file = ExportFormat.parse(format);
        LedgerIds.require(org, "organisation");
        BudgetBook book = queries.book(org, year, asOf, until);
        String subtitle = Downloads.subtitle(org, "tahun " + year + (until == null ? "" : " s.d. " + until), asOf);
        return Downloads.of("tabel-3.9-" + org + "-" + year, file, BudgetTables.realisation(
                BudgetRealisationReport.of(book), subtitle), headings.of(org, asOf),
                List.of(BudgetTables.dpa(BudgetTree.of(book), subtitle)));
    }

    /** Table 2.6 as a file: {@code ?format=xlsx|csv|pdf}. */
    @ReportFileMapping("/budget-amendments")
    public ResponseEntity<byte[]> amendmentsFile(@PathVariable String org, @RequestParam int year,
                                                 @RequestParam(required = false) Instant asOf,
                                                 @RequestParam String format) {
        ExportFormat file = ExportFormat.parse(format);
        return Downloads.of("tabel-2.6-" + org + "-" + year, file, BudgetTables.amendments(
                amendments(org, year, asOf), Downloads.subtitle(org, "tahun " + year, asOf)),
                headings.of(org, asOf));
    }
}
