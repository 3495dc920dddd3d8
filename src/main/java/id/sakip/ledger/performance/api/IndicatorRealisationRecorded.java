package id.sakip.ledger.performance.api;

import java.math.BigDecimal;

import org.axonframework.serialization.Revision;

/** An indicator's realisation for a year was recorded, with its data source and evidence. */
@Revision("1")
public record IndicatorRealisationRecorded(String organisationId, String planId, String indicatorId, int year,
                                           BigDecimal value, String source, String evidence) {
}
