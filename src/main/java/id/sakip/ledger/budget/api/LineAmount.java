package id.sakip.ledger.budget.api;

import id.sakip.ledger.shared.Rupiah;

/**
 * A new amount for an existing budget line, as requested by an amendment.
 *
 * @param lineId the line
 * @param amount its new amount
 */
public record LineAmount(String lineId, Rupiah amount) {
}
