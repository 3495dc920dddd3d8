package id.sakip.ledger.budget.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

import id.sakip.ledger.shared.Rupiah;

/** Money was spent on a budget line: a realisation entry with its value date and evidence document. */
@Revision("1")
public record RealisationRecorded(String organisationId, int fiscalYear, String entryId, String lineId,
                                  Rupiah amount, LocalDate valueDate, String document, String description) {
}
