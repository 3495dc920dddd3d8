package id.sakip.ledger.performance.api;

import java.math.BigDecimal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import id.sakip.ledger.eventstore.metadata.OrganisationScoped;

/**
 * Record the SAKIP evaluation's four component scores (LKE AKIP): Perencanaan (max 30), Pengukuran
 * (30), Pelaporan (15), Evaluasi Internal (25); the total is derived.
 */
public record RecordSakipEvaluation(String organisationId, String planId, String indicatorId, int year,
                                    BigDecimal perencanaan, BigDecimal pengukuran, BigDecimal pelaporan,
                                    BigDecimal evaluasiInternal, String evidence, boolean recordAsRealisation)
        implements OrganisationScoped {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PlanId.of(organisationId, planId);
    }
}
