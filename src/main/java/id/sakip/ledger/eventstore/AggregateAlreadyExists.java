package id.sakip.ledger.eventstore;

import org.axonframework.modelling.command.AggregateStreamCreationException;

/**
 * Axon's refusal to create an aggregate whose first event is already stored, naming that aggregate so
 * the answer can say what exists.
 */
public class AggregateAlreadyExists extends AggregateStreamCreationException {

    private final String aggregateType;
    private final String aggregateIdentifier;

    public AggregateAlreadyExists(String aggregateType, String aggregateIdentifier,
                                  AggregateStreamCreationException cause) {
        super(cause.getMessage(), cause.getCause());
        this.aggregateType = aggregateType;
        this.aggregateIdentifier = aggregateIdentifier;
    }

    public String aggregateType() {
        return aggregateType;
    }

    public String aggregateIdentifier() {
        return aggregateIdentifier;
    }
}
