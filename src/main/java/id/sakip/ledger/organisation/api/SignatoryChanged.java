package id.sakip.ledger.organisation.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * A new head signs the organisation's reports from {@code effectiveDate} on; the title and place are the ones
 * in force from then, those kept from before included.
 */
@Revision("1")
public record SignatoryChanged(String organisationId, String head, String headName, String headNip,
                               String reportPlace, LocalDate effectiveDate, String reason, String legalBasis) {
}
