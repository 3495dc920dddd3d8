package id.sakip.ledger.audit.api;

import java.util.List;
import java.util.Map;

/**
 * The story of one budget line or indicator: every change in recording order, with the value before
 * and after, who made it, when and why.
 */
public record ItemHistory(String organisationId, String item, String kind, List<Step> steps) {

    /** One change. */
    public record Step(String recordedAt, String actor, String actorRole, String change, Integer year,
                       Object before, Object after, String reason, String legalBasis,
                       Map<String, Object> details) {
    }
}
