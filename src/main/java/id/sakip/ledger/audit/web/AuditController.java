package id.sakip.ledger.audit.web;

import java.time.Instant;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.sakip.ledger.audit.api.ItemHistory;
import id.sakip.ledger.audit.query.AuditQueries;
import id.sakip.ledger.shared.InvalidValue;
import id.sakip.ledger.shared.web.LedgerIds;

/** The auditor's API: an organisation's events, and the history of a budget line or an indicator. */
@RestController
@RequestMapping(path = "/api/v1/organisations/{org}/audit", produces = MediaType.APPLICATION_JSON_VALUE)
public class AuditController {

    private final AuditQueries queries;

    public AuditController(AuditQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/events")
    public AuditQueries.Page events(@PathVariable String org, @RequestParam(required = false) Instant from,
                                    @RequestParam(required = false) Instant to,
                                    @RequestParam(required = false) String type,
                                    @RequestParam(required = false) String actor,
                                    @RequestParam(defaultValue = "0") long after,
                                    @RequestParam(defaultValue = "200") int limit) {
        LedgerIds.require(org, "organisation");
        return queries.events(org, from, to, type, actor, after, limit);
    }

    @GetMapping("/history")
    public ItemHistory history(@PathVariable String org, @RequestParam(required = false) String lineId,
                               @RequestParam(required = false) Integer year,
                               @RequestParam(required = false) String indicatorId) {
        LedgerIds.require(org, "organisation");
        if (indicatorId != null) {
            return queries.indicatorHistory(org, LedgerIds.require(indicatorId, "indicator"));
        }
        if (lineId != null && year != null) {
            return queries.lineHistory(org, year, LedgerIds.require(lineId, "line"));
        }
        throw new InvalidValue("MISSING_PARAMETER", "Give indicatorId, or lineId with year");
    }
}
