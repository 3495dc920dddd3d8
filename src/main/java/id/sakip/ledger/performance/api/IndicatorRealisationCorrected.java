package id.sakip.ledger.performance.api;

import java.math.BigDecimal;

import org.axonframework.serialization.Revision;

/** An indicator's realisation for a year was corrected from {@code previous} to {@code value}, for this reason. */
@Revision("1")
public record IndicatorRealisationCorrected(String organisationId, String planId, String indicatorId, int year,
                                            BigDecimal previous, BigDecimal value, String source, String evidence,
                                            String reason) {
}
