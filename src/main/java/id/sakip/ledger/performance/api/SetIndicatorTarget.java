package id.sakip.ledger.performance.api;

import java.math.BigDecimal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import id.sakip.ledger.eventstore.metadata.OrganisationScoped;

/**
 * Set an indicator's target for a year, or amend it (Renstra Perubahan, PK Perubahan) with a reason
 * and legal basis; the old value stays in history.
 */
public record SetIndicatorTarget(String organisationId, String planId, String indicatorId, int year, BigDecimal value,
                                 String reason, String legalBasis) implements OrganisationScoped {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PlanId.of(organisationId, planId);
    }
}
