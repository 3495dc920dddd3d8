package id.sakip.ledger.budget.api;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import id.sakip.ledger.eventstore.metadata.OrganisationScoped;

/**
 * Adopt an organisation's budget (DPA murni) for a fiscal year, with its program → activity → line tree.
 *
 * @param organisationId the OPD
 * @param fiscalYear     the fiscal year (tahun anggaran)
 * @param fund           source of funds, e.g. APBD
 * @param legalBasis     the document that adopts it (e.g. the DPA number)
 * @param adoptedOn      the adoption date
 * @param source         where the figures come from (e.g. an import's file digest), may be {@code null}
 * @param programs       the budget tree
 */
public record AdoptBudget(String organisationId, int fiscalYear, String fund, String legalBasis, LocalDate adoptedOn,
                          String source, List<BudgetProgram> programs) implements OrganisationScoped {

    @TargetAggregateIdentifier
    public String budgetId() {
        return BudgetId.of(organisationId, fiscalYear);
    }
}
