package id.sakip.ledger.performance.web;

import java.time.Instant;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.sakip.ledger.performance.query.PerformanceQueries;
import id.sakip.ledger.performance.query.PerformanceReports;
import id.sakip.ledger.performance.query.PerformanceReports.AchievementReport;
import id.sakip.ledger.performance.query.PerformanceReports.ComparisonReport;
import id.sakip.ledger.performance.query.PerformanceReports.ProgressReport;
import id.sakip.ledger.shared.InvalidValue;
import id.sakip.ledger.shared.web.LedgerIds;

/** Performance reports (LKjIP Tables 3.2/4.1, 3.3, 3.4), live or as of a past instant. */
@RestController
@RequestMapping(path = "/api/v1/organisations/{org}/reports", produces = MediaType.APPLICATION_JSON_VALUE)
public class PerformanceReportController {

    private final PerformanceQueries queries;

    public PerformanceReportController(PerformanceQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/indicator-achievement")
    public AchievementReport achievement(@PathVariable String org, @RequestParam int year,
                                         @RequestParam(required = false) Instant asOf) {
        LedgerIds.require(org, "organisation");
        return PerformanceReports.achievement(queries.planFor(org, year, asOf), year);
    }

    @GetMapping("/indicator-comparison")
    public ComparisonReport comparison(@PathVariable String org, @RequestParam int from, @RequestParam int to,
                                       @RequestParam(required = false) Instant asOf) {
        LedgerIds.require(org, "organisation");
        if (to < from || to - from > 20) {
            throw new InvalidValue("INVALID_RANGE", "from must not be after to, over at most 20 years",
                    Map.of("from", from, "to", to));
        }
        return PerformanceReports.comparison(org, queries.plans(org, asOf), from, to);
    }

    @GetMapping("/renstra-progress")
    public ProgressReport progress(@PathVariable String org, @RequestParam int year,
                                   @RequestParam(required = false) Instant asOf) {
        LedgerIds.require(org, "organisation");
        return PerformanceReports.progress(queries.planFor(org, year, asOf), year);
    }
}
