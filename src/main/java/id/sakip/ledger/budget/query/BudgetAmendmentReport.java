package id.sakip.ledger.budget.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import id.sakip.ledger.budget.api.EconomicClass;

/**
 * LKjIP Table 2.6: the budget by economic class before and after each amendment, with its kind,
 * reason and legal basis; the first row is the adopted budget (DPA murni).
 */
public record BudgetAmendmentReport(String organisationId, int fiscalYear,
                                    Map<EconomicClass, Long> adopted, long adoptedTotal, List<Row> amendments,
                                    Map<EconomicClass, Long> current, long currentTotal) {

    /** One amendment. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "BudgetAmendmentRow")
    public record Row(String amendmentId, String kind, String reason, String legalBasis, String effectiveDate,
                      Instant recordedAt, String actor, Map<EconomicClass, Long> before,
                      Map<EconomicClass, Long> after, long totalBefore, long totalAfter, long difference,
                      int linesChanged, List<String> linesAdded) {
    }

    public static BudgetAmendmentReport of(BudgetBook book) {
        List<Row> rows = new ArrayList<>();
        for (BudgetBook.AmendmentInfo a : book.amendments) {
            rows.add(new Row(a.amendmentId(), a.kind().name(), a.reason(), a.legalBasis(),
                    a.effectiveDate() == null ? null : a.effectiveDate().toString(), a.recordedAt(), a.actor(),
                    a.before(), a.after(), a.totalBefore(), a.totalAfter(), a.totalAfter() - a.totalBefore(),
                    a.changes().size(), a.addedLines()));
        }
        Map<EconomicClass, Long> adopted;
        long adoptedTotal;
        if (book.amendments.isEmpty()) {
            adopted = book.classTotals();
            adoptedTotal = book.totalBudget();
        } else {
            adopted = book.amendments.get(0).before();
            adoptedTotal = book.amendments.get(0).totalBefore();
        }
        return new BudgetAmendmentReport(book.organisationId, book.fiscalYear, adopted, adoptedTotal, rows,
                book.classTotals(), book.totalBudget());
    }
}
