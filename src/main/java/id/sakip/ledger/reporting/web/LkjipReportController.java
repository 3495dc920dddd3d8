package id.sakip.ledger.reporting.web;

import java.time.Instant;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.sakip.ledger.reporting.query.EfficiencyReport;
import id.sakip.ledger.reporting.query.LkjipQueries;
import id.sakip.ledger.reporting.query.ReconciliationReport;
import id.sakip.ledger.shared.export.ExportFormat;
import id.sakip.ledger.organisation.web.PrintHeadings;
import id.sakip.ledger.shared.web.Downloads;
import id.sakip.ledger.shared.web.ReportFileMapping;
import id.sakip.ledger.shared.web.LedgerIds;

/** LKjIP reports that join budget and performance: efficiency (Table 3.7) and the reconciliation. */
@RestController
public class LkjipReportController {

    private final LkjipQueries queries;
    private final PrintHeadings headings;

    public LkjipReportController(LkjipQueries queries, PrintHeadings headings) {
        this.queries = queries;
        this.headings = headings;
    }

    @GetMapping(path = "/api/v1/organisations/{org}/reports/reconciliation",
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ReconciliationReport reconciliation(@PathVariable String org, @RequestParam int year,
                                               @RequestParam(required = false) Instant asOf) {
        LedgerIds.require(org, "organisation");
        return queries.reconciliation(org, year, asOf);
    }

    @GetMapping(path = "/api/v1/organisations/{org}/reports/efficiency", produces = MediaType.APPLICATION_JSON_VALUE)
    public EfficiencyReport efficiency(@PathVariable String org, @RequestParam int year,
                                       @RequestParam(required = false) Instant asOf) {
        LedgerIds.require(org, "organisation");
        return queries.efficiency(org, year, asOf);
    }

    /** The reconciliation as a file: {@code ?format=xlsx|csv|pdf}. */
    @ReportFileMapping("/api/v1/organisations/{org}/reports/reconciliation")
    public ResponseEntity<byte[]> reconciliationFile(@PathVariable String org, @RequestParam int year,
                                                     @RequestParam(required = false) Instant asOf,
                                                     @RequestParam String format) {
        ExportFormat file = ExportFormat.parse(format);
        return Downloads.of("rekonsiliasi-" + org + "-" + year, file, LkjipTables.reconciliation(
                reconciliation(org, year, asOf), Downloads.subtitle(org, "tahun " + year, asOf)),
                headings.of(org, asOf));
    }

    /** Table 3.7 as a file: {@code ?format=xlsx|csv|pdf}. */
    @ReportFileMapping("/api/v1/organisations/{org}/reports/efficiency")
    public ResponseEntity<byte[]> efficiencyFile(@PathVariable String org, @RequestParam int year,
                                                 @RequestParam(required = false) Instant asOf,
                                                 @RequestParam String format) {
        ExportFormat file = ExportFormat.parse(format);
        return Downloads.of("tabel-3.7-" + org + "-" + year, file, LkjipTables.efficiency(
                efficiency(org, year, asOf), Downloads.subtitle(org, "tahun " + year, asOf)),
                headings.of(org, asOf));
    }
}
