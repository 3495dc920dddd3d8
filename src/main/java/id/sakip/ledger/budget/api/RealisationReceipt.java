package id.sakip.ledger.budget.api;

import java.time.LocalDate;

import id.sakip.ledger.shared.Rupiah;

/**
 * The answer to a recorded realisation; a retried request with the same idempotency key gets the same one.
 */
public record RealisationReceipt(String entryId, String lineId, Rupiah amount, LocalDate valueDate, String document,
                                 String description) {
}
