package id.sakip.ledger.budget.api;

import java.math.BigDecimal;

/**
 * The performance indicator of a program, activity or sub-activity, with its target (may be unknown).
 *
 * @param name   what is measured
 * @param target the target value, {@code null} when none was set or it is illegible
 * @param unit   unit of the target
 */
public record OutputIndicator(String name, BigDecimal target, String unit) {
}
