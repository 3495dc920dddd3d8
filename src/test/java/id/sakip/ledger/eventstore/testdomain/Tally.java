package id.sakip.ledger.eventstore.testdomain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import id.sakip.ledger.eventstore.testdomain.TallyCommands.AddToTally;
import id.sakip.ledger.eventstore.testdomain.TallyCommands.OpenTally;
import id.sakip.ledger.eventstore.testdomain.TallyCommands.TallyAdded;
import id.sakip.ledger.eventstore.testdomain.TallyCommands.TallyOpened;

/** A test-only aggregate, snapshotted every 10 events and cached. */
@Aggregate(snapshotTriggerDefinition = "tallySnapshotTrigger", cache = "aggregateCache")
public class Tally {

    @AggregateIdentifier
    private String tallyId;
    private long total;

    protected Tally() {
    }

    @CommandHandler
    public Tally(OpenTally command) {
        apply(new TallyOpened(command.tallyId(), command.organisationId()));
    }

    @CommandHandler
    public long handle(AddToTally command) {
        apply(new TallyAdded(tallyId, command.amount(), total + command.amount()));
        return total;
    }

    @EventSourcingHandler
    void on(TallyOpened event) {
        this.tallyId = event.tallyId();
    }

    @EventSourcingHandler
    void on(TallyAdded event) {
        this.total = event.total();
    }

    public long getTotal() {
        return total;
    }

    public String getTallyId() {
        return tallyId;
    }
}
