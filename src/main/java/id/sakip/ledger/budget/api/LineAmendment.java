package id.sakip.ledger.budget.api;

import id.sakip.ledger.shared.Rupiah;

/**
 * How an amendment changed one line's amount.
 *
 * @param lineId the line
 * @param before its amount before the amendment
 * @param after  its amount after it
 */
public record LineAmendment(String lineId, Rupiah before, Rupiah after) {
}
