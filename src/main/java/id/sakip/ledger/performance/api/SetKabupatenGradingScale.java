package id.sakip.ledger.performance.api;

import java.math.BigDecimal;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import id.sakip.ledger.performance.computation.ScaleBand;
import id.sakip.ledger.performance.computation.ScaleKind;

/**
 * Set a kabupaten's category scale of one kind from a year on, for every organisation of the kabupaten
 * that does not override it.
 *
 * @param kabupatenId   the kabupaten's slug ({@code KabupatenId})
 * @param effectiveFrom the first year the scale grades
 */
public record SetKabupatenGradingScale(String kabupatenId, ScaleKind kind, int effectiveFrom, String legalBasis,
                                       String reason, BigDecimal cap, List<ScaleBand> bands) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return GradingScalesId.ofKabupaten(kabupatenId);
    }
}
