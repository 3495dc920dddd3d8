package id.sakip.ledger.budget.api;

import java.util.List;

/**
 * A program of the DPA; its amount is always the sum of its activities' lines.
 *
 * @param number     its number in the DPA
 * @param name       its name
 * @param indicator  its performance indicator
 * @param activities its activities
 */
public record BudgetProgram(int number, String name, OutputIndicator indicator, List<BudgetActivity> activities) {
}
