package id.sakip.ledger.eventstore.projection;

import java.time.Instant;
import java.util.function.Consumer;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.springframework.stereotype.Component;

import id.sakip.ledger.eventstore.LedgerEventStorageEngine;

/**
 * Reads one aggregate's whole history (never a snapshot) so a query can fold it with the same code
 * as the live read model, optionally only the events recorded up to an instant ({@code asOf}).
 */
@Component
public class AggregateHistory {

    private final LedgerEventStorageEngine events;

    public AggregateHistory(LedgerEventStorageEngine events) {
        this.events = events;
    }

    public void forEach(String aggregateId, Instant asOf, Consumer<DomainEventMessage<?>> consumer) {
        forEachBetween(aggregateId, 0, Long.MAX_VALUE, asOf, consumer);
    }

    /**
     * Like {@link #forEach}, for the events with sequence numbers {@code first} to {@code last} only
     * (both included), so a fold can start from a kept copy of its state.
     */
    public void forEachBetween(String aggregateId, long first, long last, Instant asOf,
                               Consumer<DomainEventMessage<?>> consumer) {
        DomainEventStream stream = events.readEvents(aggregateId, first, last);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (asOf == null || !message.getTimestamp().isAfter(asOf)) {
                consumer.accept(message);
            }
        }
    }

    public boolean exists(String aggregateId) {
        return events.lastSequenceNumberFor(aggregateId).isPresent();
    }
}
