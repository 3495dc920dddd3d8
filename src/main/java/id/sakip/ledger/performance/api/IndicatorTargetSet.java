package id.sakip.ledger.performance.api;

import java.math.BigDecimal;

import org.axonframework.serialization.Revision;

/** An indicator's target for a year was set for the first time. */
@Revision("1")
public record IndicatorTargetSet(String organisationId, String planId, String indicatorId, int year, BigDecimal value,
                                 String reason, String legalBasis) {
}
