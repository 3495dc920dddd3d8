package id.sakip.ledger.budget.api;

import java.time.LocalDate;

import id.sakip.ledger.shared.Rupiah;

/**
 * The answer to a recorded realisation; a retried request with the same idempotency key gets the same one.
 */
@io.swagger.v3.oas.annotations.media.Schema(example = """
        {"entryId": "5f0c2a9e-7d1b-4c1e-9a63-2f4e8b1d6c20", "lineId": "2", "amount": 114461238,
        "valueDate": "2023-11-20", "document": "SP2D-00123/2023", "description": "Gaji dan tunjangan ASN November"}
        """)
public record RealisationReceipt(String entryId, String lineId, Rupiah amount, LocalDate valueDate, String document,
                                 String description) {
}
