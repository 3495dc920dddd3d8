package id.sakip.ledger.performance.api;

import java.math.BigDecimal;

import org.axonframework.serialization.Revision;

/** An indicator's target for a year was amended from {@code previous} to {@code value}, for this reason. */
@Revision("1")
public record IndicatorTargetAmended(String organisationId, String planId, String indicatorId, int year,
                                     BigDecimal previous, BigDecimal value, String reason, String legalBasis) {
}
