package id.sakip.ledger.budget.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import id.sakip.ledger.eventstore.metadata.OrganisationScoped;

/** Close a budget's fiscal year: afterwards no realisation, reversal or amendment is accepted. */
public record CloseFiscalYear(String organisationId, int fiscalYear) implements OrganisationScoped {

    @TargetAggregateIdentifier
    public String budgetId() {
        return BudgetId.of(organisationId, fiscalYear);
    }
}
