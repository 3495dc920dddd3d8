package id.sakip.ledger.budget.api;

/**
 * A line added to an existing activity by an amendment.
 *
 * @param activityNumber the activity it belongs to
 * @param line           the line
 */
public record NewBudgetLine(int activityNumber, BudgetLine line) {
}
