package id.sakip.ledger.eventstore.testdomain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

import id.sakip.ledger.eventstore.metadata.OrganisationScoped;

/** Messages of a test-only tally aggregate used to exercise the Spring wiring. */
public final class TallyCommands {

    private TallyCommands() {
    }

    /** Open a tally for an organisation. */
    public record OpenTally(@TargetAggregateIdentifier String tallyId, String organisationId)
            implements OrganisationScoped {
    }

    /** Add to a tally. */
    public record AddToTally(@TargetAggregateIdentifier String tallyId, String organisationId, long amount)
            implements OrganisationScoped {
    }

    /** A tally was opened. */
    @Revision("1")
    public record TallyOpened(String tallyId, String organisationId) {
    }

    /** An amount was added to a tally. */
    @Revision("1")
    public record TallyAdded(String tallyId, long amount, long total) {
    }
}
