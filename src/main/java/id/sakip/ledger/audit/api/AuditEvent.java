package id.sakip.ledger.audit.api;

import java.util.Map;

/**
 * One event as an auditor reads it: where it stands in the log, when it was recorded, who recorded it
 * in which role and why, what it says, and the hash of the commit that holds it.
 */
public record AuditEvent(long sequence, String recordedAt, String eventTime, String type, String aggregateId,
                         Long aggregateSequence, String actorId, String actorRole, String correlationId,
                         String reason, String legalBasis, Map<String, Object> content, long commit,
                         String commitHash) {
}
