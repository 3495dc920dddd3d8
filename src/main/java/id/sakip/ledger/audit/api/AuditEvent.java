package id.sakip.ledger.audit.api;

import java.util.Map;

/**
 * One event as an auditor reads it: where it stands in the log, when it was recorded, who recorded it
 * in which role and why, what it says, and the hash of the commit that holds it.
 */
@io.swagger.v3.oas.annotations.media.Schema(example = """
        {"sequence": 4, "recordedAt": "2024-01-05T03:12:40Z", "eventTime": "2024-01-05T03:12:40Z", "type": "RealisationRecorded",
        "aggregateId": "budget:kec-jiken:2023", "aggregateSequence": 1, "actorId": "bendahara-jiken", "actorRole": "TREASURER",
        "correlationId": "a0a337b0-bbaf-41ec-ac2f-feeae0f82914", "content": {"organisationId": "kec-jiken", "fiscalYear": 2023,
        "entryId": "5f0c2a9e-7d1b-4c1e-9a63-2f4e8b1d6c20", "lineId": "1", "amount": 3600000, "valueDate": "2023-12-20",
        "document": "SP2D-00456/2023", "description": "Penyusunan Renja 2024"}, "commit": 2,
        "commitHash": "6ada83feb120fb9b325f89d8b7bba4921992943f404fc800d91e8aa098c03db2"}
        """)
public record AuditEvent(long sequence, String recordedAt, String eventTime, String type, String aggregateId,
                         Long aggregateSequence, String actorId, String actorRole, String correlationId,
                         String reason, String legalBasis, Map<String, Object> content, long commit,
                         String commitHash) {
}
