package id.sakip.ledger.eventstore;

import org.bson.Document;

/**
 * One event as stored inside a commit document. Payload and metadata are the serializer's JSON text,
 * kept verbatim so the hash over them can be recomputed byte for byte.
 *
 * @param eventId       the event's identifier
 * @param aggregateType the aggregate type, {@code null} for an event not published by an aggregate
 * @param aggregateId   the aggregate identifier, {@code null} likewise
 * @param sequence      the aggregate sequence number, {@code -1} when there is no aggregate
 * @param payloadType   the serialized payload type name
 * @param revision      the payload revision, may be {@code null}
 * @param timestamp     ISO-8601 instant of the event
 * @param payload       payload JSON
 * @param metaData      metadata JSON
 */
public record StoredEvent(String eventId, String aggregateType, String aggregateId, long sequence,
                          String payloadType, String revision, String timestamp, String payload, String metaData) {

    static final String ID = "id";
    static final String AGGREGATE_TYPE = "at";
    static final String AGGREGATE_ID = "agg";
    static final String SEQUENCE = "sq";
    static final String TYPE = "ty";
    static final String REVISION = "rv";
    static final String TIMESTAMP = "ts";
    static final String PAYLOAD = "pl";
    static final String META = "md";

    public boolean isDomainEvent() {
        return aggregateId != null;
    }

    /** The unique stream key that makes an aggregate sequence number usable only once. */
    public String streamKey() {
        return streamKey(aggregateId, sequence);
    }

    static String streamKey(String aggregateId, long sequence) {
        return aggregateId + "#" + sequence;
    }

    Document toDocument() {
        Document d = new Document(ID, eventId);
        if (aggregateId != null) {
            d.append(AGGREGATE_TYPE, aggregateType).append(AGGREGATE_ID, aggregateId).append(SEQUENCE, sequence);
        }
        d.append(TYPE, payloadType);
        if (revision != null) {
            d.append(REVISION, revision);
        }
        return d.append(TIMESTAMP, timestamp).append(PAYLOAD, payload).append(META, metaData);
    }

    static StoredEvent fromDocument(Document d) {
        Number seq = d.get(SEQUENCE, Number.class);
        return new StoredEvent(d.getString(ID), d.getString(AGGREGATE_TYPE), d.getString(AGGREGATE_ID),
                seq == null ? -1 : seq.longValue(), d.getString(TYPE), d.getString(REVISION),
                d.getString(TIMESTAMP), d.getString(PAYLOAD), d.getString(META));
    }
}
