package id.sakip.ledger.budget.api;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import id.sakip.ledger.eventstore.metadata.OrganisationScoped;

/**
 * Record many realisations of one budget in one command, as a bulk import does: each entry is decided by the
 * same rules as a {@link RecordRealisation} sent on its own, with its own idempotency key and fingerprint, and
 * records the same event.
 *
 * @param entries the realisations, in the order they are decided
 */
public record RecordRealisations(String organisationId, int fiscalYear, List<Entry> entries)
        implements OrganisationScoped {

    /**
     * One realisation with the idempotency key and request fingerprint it would carry if sent on its own.
     *
     * @param idempotencyKey the key a retry of this realisation is recognised by
     * @param fingerprint    the fingerprint of the realisation sent on its own under that key
     */
    public record Entry(RecordRealisation realisation, String idempotencyKey, String fingerprint) {
    }

    @TargetAggregateIdentifier
    public String budgetId() {
        return BudgetId.of(organisationId, fiscalYear);
    }
}
