package id.sakip.ledger.eventstore;

import java.time.Instant;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * A stored event handed to Axon for upcasting and deserialisation. {@link #of} answers a
 * {@link DomainEventData} for an aggregate's event and a plain tracked entry for any other.
 */
class EventEntry implements TrackedEventData<String> {

    final StoredEvent event;
    final GlobalSequenceTrackingToken token;

    EventEntry(StoredEvent event, GlobalSequenceTrackingToken token) {
        this.event = event;
        this.token = token;
    }

    static EventEntry of(StoredEvent event, GlobalSequenceTrackingToken token) {
        return event.isDomainEvent() ? new Domain(event, token) : new EventEntry(event, token);
    }

    long getSequenceNumber() {
        return event.sequence();
    }

    @Override
    public TrackingToken trackingToken() {
        return token;
    }

    @Override
    public String getEventIdentifier() {
        return event.eventId();
    }

    @Override
    public Instant getTimestamp() {
        return Instant.parse(event.timestamp());
    }

    @Override
    public SerializedObject<String> getMetaData() {
        return new SerializedMetaData<>(event.metaData(), String.class);
    }

    @Override
    public SerializedObject<String> getPayload() {
        return new SimpleSerializedObject<>(event.payload(), String.class, event.payloadType(), event.revision());
    }

    /** An aggregate's event. */
    static final class Domain extends EventEntry implements DomainEventData<String> {

        Domain(StoredEvent event, GlobalSequenceTrackingToken token) {
            super(event, token);
        }

        @Override
        public String getType() {
            return event.aggregateType();
        }

        @Override
        public String getAggregateIdentifier() {
            return event.aggregateId();
        }

        @Override
        public long getSequenceNumber() {
            return event.sequence();
        }
    }
}
