package id.sakip.ledger.budget.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import id.sakip.ledger.eventstore.metadata.OrganisationScoped;
import id.sakip.ledger.shared.Rupiah;

/**
 * Record a spending realisation against a budget line.
 *
 * @param entryId     identifier of the entry, chosen by the caller
 * @param lineId      the budget line
 * @param amount      amount spent, whole rupiah, more than 0
 * @param valueDate   when the money was spent: inside the fiscal year and not after today
 * @param document    the evidence: SP2D or SPJ number
 * @param description what was paid
 */
public record RecordRealisation(String organisationId, int fiscalYear, String entryId, String lineId, Rupiah amount,
                                LocalDate valueDate, String document, String description)
        implements OrganisationScoped {

    @TargetAggregateIdentifier
    public String budgetId() {
        return BudgetId.of(organisationId, fiscalYear);
    }
}
