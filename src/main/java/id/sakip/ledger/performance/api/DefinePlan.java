package id.sakip.ledger.performance.api;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import id.sakip.ledger.eventstore.metadata.OrganisationScoped;

/**
 * Define an organisation's Renstra (5-year strategic plan): goals, objectives and indicators.
 *
 * @param planId   identifier of the Renstra, e.g. renstra-2021-2026
 * @param fromYear first year of the period
 * @param toYear   final year of the period
 */
public record DefinePlan(String organisationId, String planId, int fromYear, int toYear, String vision,
                         String mission, List<PlanGoal> goals) implements OrganisationScoped {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PlanId.of(organisationId, planId);
    }
}
