package id.sakip.ledger.budget.api;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;

/** A budget was amended: these lines changed from → to and these lines were added, for this reason. */
@Revision("1")
public record BudgetAmended(String organisationId, int fiscalYear, String amendmentId, AmendmentKind kind,
                            String reason, String legalBasis, LocalDate effectiveDate, List<LineAmendment> changes,
                            List<NewBudgetLine> newLines) {
}
