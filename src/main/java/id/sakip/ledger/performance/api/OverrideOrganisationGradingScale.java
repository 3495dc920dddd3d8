package id.sakip.ledger.performance.api;

import java.math.BigDecimal;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import id.sakip.ledger.eventstore.metadata.OrganisationScoped;
import id.sakip.ledger.performance.computation.ScaleBand;
import id.sakip.ledger.performance.computation.ScaleKind;

/**
 * Override an organisation's category scale of one kind from a year on, in place of its kabupaten's.
 *
 * @param effectiveFrom the first year the scale grades
 */
public record OverrideOrganisationGradingScale(String organisationId, ScaleKind kind, int effectiveFrom,
                                               String legalBasis, String reason, BigDecimal cap,
                                               List<ScaleBand> bands) implements OrganisationScoped {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return GradingScalesId.ofOrganisation(organisationId);
    }
}
