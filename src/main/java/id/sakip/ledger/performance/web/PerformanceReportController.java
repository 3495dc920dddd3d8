package id.sakip.ledger.performance.web;

import java.time.Instant;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.sakip.ledger.performance.query.GradingScaleQueries;
import id.sakip.ledger.performance.query.PerformanceQueries;
import id.sakip.ledger.performance.query.PerformanceReports;
import id.sakip.ledger.performance.query.PerformanceReports.AchievementReport;
import id.sakip.ledger.performance.query.PerformanceReports.ComparisonReport;
import id.sakip.ledger.performance.query.PerformanceReports.ObjectiveReport;
import id.sakip.ledger.performance.query.PerformanceReports.ProgressReport;
import id.sakip.ledger.shared.InvalidValue;
import id.sakip.ledger.shared.export.ExportFormat;
import id.sakip.ledger.organisation.web.PrintHeadings;
import id.sakip.ledger.shared.web.Downloads;
import id.sakip.ledger.shared.web.ReportFileMapping;
import id.sakip.ledger.shared.web.LedgerIds;

/**
 * Performance reports (LKjIP Tables 3.2/4.1, 3.3, 3.4 and the sasaran scores), live or as of a past
 * instant, graded on the scales in force for the organisation at that instant.
 */
@RestController
@RequestMapping(path = "/api/v1/organisations/{org}/reports", produces = MediaType.APPLICATION_JSON_VALUE)
public class PerformanceReportController {

    private final PerformanceQueries queries;
    private final GradingScaleQueries scales;
    private final PrintHeadings headings;

    public PerformanceReportController(PerformanceQueries queries, GradingScaleQueries scales, PrintHeadings headings) {
        this.queries = queries;
        this.scales = scales;
        this.headings = headings;
    }

    @GetMapping("/indicator-achievement")
    public AchievementReport achievement(@PathVariable String org, @RequestParam int year,
                                         @RequestParam(required = false) Instant asOf) {
        LedgerIds.require(org, "organisation");
        return PerformanceReports.achievement(queries.planFor(org, year, asOf), year, scales.grading(org, asOf));
    }

    @GetMapping("/objective-achievement")
    public ObjectiveReport objectives(@PathVariable String org, @RequestParam int year,
                                      @RequestParam(required = false) Instant asOf) {
        LedgerIds.require(org, "organisation");
        return PerformanceReports.objectives(queries.planFor(org, year, asOf), year, scales.grading(org, asOf));
    }

    @GetMapping("/indicator-comparison")
    public ComparisonReport comparison(@PathVariable String org, @RequestParam int from, @RequestParam int to,
                                       @RequestParam(required = false) Instant asOf) {
        LedgerIds.require(org, "organisation");
        if (to < from || to - from > 20) {
            throw new InvalidValue("INVALID_RANGE", "from must not be after to, over at most 20 years",
                    Map.of("from", from, "to", to));
        }
        return PerformanceReports.comparison(org, queries.plans(org, asOf), from, to, scales.grading(org, asOf));
    }

    @GetMapping("/renstra-progress")
    public ProgressReport progress(@PathVariable String org, @RequestParam int year,
                                   @RequestParam(required = false) Instant asOf) {
        LedgerIds.require(org, "organisation");
        return PerformanceReports.progress(queries.planFor(org, year, asOf), year, scales.grading(org, asOf));
    }

    /** Tables 3.2/4.1 as a file: {@code ?format=xlsx|csv|pdf}. */
    @ReportFileMapping("/indicator-achievement")
    public ResponseEntity<byte[]> achievementFile(@PathVariable String org, @RequestParam int year,
                                                  @RequestParam(required = false) Instant asOf,
                                                  @RequestParam String format) {
        ExportFormat file = ExportFormat.parse(format);
        return Downloads.of("tabel-3.2-" + org + "-" + year, file, PerformanceTables.achievement(
                achievement(org, year, asOf), Downloads.subtitle(org, "tahun " + year, asOf)),
                headings.of(org, asOf));
    }

    /** The sasaran scores as a file: {@code ?format=xlsx|csv|pdf}. */
    @ReportFileMapping("/objective-achievement")
    public ResponseEntity<byte[]> objectivesFile(@PathVariable String org, @RequestParam int year,
                                                 @RequestParam(required = false) Instant asOf,
                                                 @RequestParam String format) {
        ExportFormat file = ExportFormat.parse(format);
        return Downloads.of("capaian-sasaran-" + org + "-" + year, file, PerformanceTables.objectives(
                objectives(org, year, asOf), Downloads.subtitle(org, "tahun " + year, asOf)),
                headings.of(org, asOf));
    }

    /** Table 3.3 as a file: {@code ?format=xlsx|csv|pdf}. */
    @ReportFileMapping("/indicator-comparison")
    public ResponseEntity<byte[]> comparisonFile(@PathVariable String org, @RequestParam int from,
                                                 @RequestParam int to, @RequestParam(required = false) Instant asOf,
                                                 @RequestParam String format) {
        ExportFormat file = ExportFormat.parse(format);
        return Downloads.of("tabel-3.3-" + org + "-" + from + "-" + to, file, PerformanceTables.comparison(
                comparison(org, from, to, asOf), Downloads.subtitle(org, "tahun " + from + "-" + to, asOf)),
                headings.of(org, asOf));
    }

    /** Table 3.4 as a file: {@code ?format=xlsx|csv|pdf}. */
    @ReportFileMapping("/renstra-progress")
    public ResponseEntity<byte[]> progressFile(@PathVariable String org, @RequestParam int year,
                                               @RequestParam(required = false) Instant asOf,
                                               @RequestParam String format) {
        ExportFormat file = ExportFormat.parse(format);
        return Downloads.of("tabel-3.4-" + org + "-" + year, file, PerformanceTables.progress(
                progress(org, year, asOf), Downloads.subtitle(org, "tahun " + year, asOf)),
                headings.of(org, asOf));
    }
}
