package id.sakip.ledger.budget.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import id.sakip.ledger.eventstore.metadata.OrganisationScoped;

/**
 * Reverse a realisation entry recorded by mistake; the entry stays in history and is counted no more.
 *
 * @param entryId the entry to reverse
 * @param reason  why it is reversed
 */
public record ReverseRealisation(String organisationId, int fiscalYear, String entryId, String reason)
        implements OrganisationScoped {

    @TargetAggregateIdentifier
    public String budgetId() {
        return BudgetId.of(organisationId, fiscalYear);
    }
}
