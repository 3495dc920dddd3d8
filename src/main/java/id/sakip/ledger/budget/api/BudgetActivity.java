package id.sakip.ledger.budget.api;

import java.util.List;

/**
 * An activity (kegiatan) of a program; its amount is always the sum of its lines.
 *
 * @param number    its number in the DPA
 * @param name      its name
 * @param objective the Renstra objective its lines support unless a line names its own
 * @param indicator its performance indicator
 * @param lines     its sub-activities
 */
public record BudgetActivity(int number, String name, String objective, OutputIndicator indicator,
                             List<BudgetLine> lines) {
}
