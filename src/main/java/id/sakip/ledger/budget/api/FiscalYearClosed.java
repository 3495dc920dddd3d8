package id.sakip.ledger.budget.api;

import org.axonframework.serialization.Revision;

/** A budget's fiscal year was closed. */
@Revision("1")
public record FiscalYearClosed(String organisationId, int fiscalYear) {
}
