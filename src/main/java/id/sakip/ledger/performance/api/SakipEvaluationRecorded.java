package id.sakip.ledger.performance.api;

import java.math.BigDecimal;

import org.axonframework.serialization.Revision;

/** A SAKIP evaluation was recorded: its component scores, their total and the predicate. */
@Revision("1")
public record SakipEvaluationRecorded(String organisationId, String planId, String indicatorId, int year,
                                      BigDecimal perencanaan, BigDecimal pengukuran, BigDecimal pelaporan,
                                      BigDecimal evaluasiInternal, BigDecimal total, String predicate,
                                      String evidence) {
}
