package id.sakip.ledger.budget.api;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import id.sakip.ledger.eventstore.metadata.OrganisationScoped;

/**
 * Amend a budget (DPA Perubahan, pergeseran or refocusing): new amounts for lines and possibly new
 * lines, all as one change with a reason, a legal basis and an effective date.
 *
 * @param amendmentId   identifier chosen by the caller
 * @param changes       new amounts of existing lines
 * @param newLines      lines added to existing activities
 */
public record AmendBudget(String organisationId, int fiscalYear, String amendmentId, AmendmentKind kind,
                          String reason, String legalBasis, LocalDate effectiveDate, List<LineAmount> changes,
                          List<NewBudgetLine> newLines) implements OrganisationScoped {

    @TargetAggregateIdentifier
    public String budgetId() {
        return BudgetId.of(organisationId, fiscalYear);
    }
}
