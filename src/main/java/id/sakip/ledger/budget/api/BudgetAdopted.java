package id.sakip.ledger.budget.api;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * An organisation's budget (DPA murni) for a fiscal year was adopted with this tree of programs,
 * activities and lines.
 */
@Revision("1")
public record BudgetAdopted(String organisationId, int fiscalYear, String fund, String legalBasis,
                            LocalDate adoptedOn, String source, List<BudgetProgram> programs) {
}
