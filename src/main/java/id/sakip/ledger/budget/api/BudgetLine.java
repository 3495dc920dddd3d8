package id.sakip.ledger.budget.api;

import id.sakip.ledger.shared.Rupiah;

/**
 * A sub-activity (sub kegiatan): the budget line realisations are recorded against.
 *
 * @param lineId        the line's code, or its number as a string when the data gives no code
 * @param number        its number in the DPA
 * @param name          its name
 * @param economicClass economic classification of its spending
 * @param objective     the Renstra objective (sasaran) its spending supports; {@code null} to inherit the activity's
 * @param indicator     its output indicator and target
 * @param amount        its amount (pagu) in whole rupiah
 */
public record BudgetLine(String lineId, int number, String name, EconomicClass economicClass, String objective,
                         OutputIndicator indicator, Rupiah amount) {
}
