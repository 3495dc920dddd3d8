package id.sakip.ledger.performance.api;

import java.math.BigDecimal;
import java.util.List;

import org.axonframework.serialization.Revision;

import id.sakip.ledger.performance.computation.ScaleBand;
import id.sakip.ledger.performance.computation.ScaleKind;

/** A kabupaten's category scale of one kind was set, effective from a year. */
@Revision("1")
public record KabupatenGradingScaleSet(String kabupatenId, ScaleKind kind, int effectiveFrom, String legalBasis,
                                       String reason, BigDecimal cap, List<ScaleBand> bands) {
}
