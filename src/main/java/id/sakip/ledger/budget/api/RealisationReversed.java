package id.sakip.ledger.budget.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

import id.sakip.ledger.shared.Rupiah;

/** A realisation entry was reversed: its amount on its line no longer counts, for this reason. */
@Revision("1")
public record RealisationReversed(String organisationId, int fiscalYear, String entryId, String lineId,
                                  Rupiah amount, LocalDate valueDate, String reason) {
}
