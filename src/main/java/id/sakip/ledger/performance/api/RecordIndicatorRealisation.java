package id.sakip.ledger.performance.api;

import java.math.BigDecimal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import id.sakip.ledger.eventstore.metadata.OrganisationScoped;

/**
 * Record an indicator's realisation for a year with its data source and evidence; a second value for
 * the same year is a correction and needs a reason.
 */
public record RecordIndicatorRealisation(String organisationId, String planId, String indicatorId, int year,
                                         BigDecimal value, String source, String evidence, String reason)
        implements OrganisationScoped {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PlanId.of(organisationId, planId);
    }
}
