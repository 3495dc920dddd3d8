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
 * A stored event handed to Axon for upcasting and deserialisation. Events that no aggregate
 * published are exposed with their event id as aggregate id and {@code null} type, as Axon does.
 */
final class EventEntry implements DomainEventData<String>, TrackedEventData<String> {

    final StoredEvent event;
    final GlobalSequenceTrackingToken token;

    EventEntry(StoredEvent event, GlobalSequenceTrackingToken token) {
        this.event = event;
        this.token = token;
    }

    @Override
    public TrackingToken trackingToken() {
        return token;
    }

    @Override
    public String getType() {
        return event.aggregateType();
    }

    @Override
    public String getAggregateIdentifier() {
        return event.isDomainEvent() ? event.aggregateId() : event.eventId();
    }

    @Override
    public long getSequenceNumber() {
        return event.isDomainEvent() ? event.sequence() : 0;
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
}
