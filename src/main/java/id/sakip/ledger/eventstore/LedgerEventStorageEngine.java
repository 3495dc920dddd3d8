package id.sakip.ledger.eventstore;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

/**
 * Axon's {@code EventStorageEngine} on the MongoDB Java Driver: the ledger's own event store.
 * <p>
 * Events go to the {@link CommitLog} (one document per unit of work, gapless global sequence,
 * hash chain, per-aggregate optimistic concurrency through a unique index on stream keys).
 * Tracking tokens are {@link GlobalSequenceTrackingToken}s over the global sequence, so no
 * event can be skipped whatever the clocks do. Snapshots keep the latest one per aggregate,
 * addressed by {@code _id}.
 */
public class LedgerEventStorageEngine extends AbstractEventStorageEngine {

    public static final String SNAPSHOTS = "snapshots";
    /**
     * Beyond this distance from the head, a tracking reader streams one ordered cursor instead of
     * {@code _id $in} windows. On mongo-java-server opening such a cursor scans and sorts the whole
     * collection, so it pays only for a real replay, never for a projection catching up.
     */
    private static final long CURSOR_THRESHOLD = 50_000;
    private static final int AGGREGATE_WINDOW = 128;

    private final CommitLog log;
    private final MongoCollection<Document> snapshots;
    private final boolean streamingCursor;

    protected LedgerEventStorageEngine(Builder builder) {
        super(builder);
        this.log = builder.commitLog;
        this.snapshots = builder.database.getCollection(SNAPSHOTS);
        this.streamingCursor = builder.streamingCursor;
    }

    public static Builder builder() {
        return new Builder();
    }

    public CommitLog commitLog() {
        return log;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<StoredEvent> stored = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            stored.add(toStored(event, serializer));
        }
        try {
            WritePosition.appended(log.append(stored).last());
        } catch (CommitLog.AggregateSequenceConflict e) {
            handlePersistenceException(e, conflictingEvent(events, stored, e));
        } catch (CommitLog.CommitTooLarge e) {
            throw e;
        } catch (RuntimeException e) {
            handlePersistenceException(e, events.get(0));
        }
    }

    /**
     * The event whose aggregate sequence was taken: the one the conflict names, else the first whose
     * stream key a stored commit holds. Axon decides by it between {@code AggregateStreamCreationException}
     * (sequence 0: the aggregate exists) and {@code ConcurrencyException}.
     */
    private EventMessage<?> conflictingEvent(List<? extends EventMessage<?>> events, List<StoredEvent> stored,
                                             CommitLog.AggregateSequenceConflict conflict) {
        java.util.Set<String> taken = conflict.streamKey() != null ? java.util.Set.of(conflict.streamKey())
                : log.storedStreamKeys(stored.stream().filter(StoredEvent::isDomainEvent)
                        .map(StoredEvent::streamKey).toList());
        EventMessage<?> firstDomainEvent = null;
        for (int i = 0; i < events.size(); i++) {
            if (stored.get(i).isDomainEvent()) {
                if (taken.contains(stored.get(i).streamKey())) {
                    return events.get(i);
                }
                if (firstDomainEvent == null) {
                    firstDomainEvent = events.get(i);
                }
            }
        }
        return firstDomainEvent != null ? firstDomainEvent : events.get(0);
    }

    /** Axon's translation, with a refused creation naming the aggregate that exists. */
    @Override
    protected void handlePersistenceException(Exception exception, EventMessage<?> failedEvent) {
        try {
            super.handlePersistenceException(exception, failedEvent);
        } catch (AggregateStreamCreationException e) {
            if (failedEvent instanceof DomainEventMessage<?> d) {
                throw new AggregateAlreadyExists(d.getType(), d.getAggregateIdentifier(), e);
            }
            throw e;
        }
    }

    private static StoredEvent toStored(EventMessage<?> event, Serializer serializer) {
        SerializedObject<String> payload = serializer.serialize(event.getPayload(), String.class);
        SerializedObject<String> meta = serializer.serialize(event.getMetaData(), String.class);
        if (event instanceof DomainEventMessage<?> d && d.getAggregateIdentifier() != null) {
            return new StoredEvent(event.getIdentifier(), d.getType(), d.getAggregateIdentifier(),
                    d.getSequenceNumber(), payload.getType().getName(), payload.getType().getRevision(),
                    event.getTimestamp().toString(), payload.getData(), meta.getData());
        }
        return new StoredEvent(event.getIdentifier(), null, null, -1, payload.getType().getName(),
                payload.getType().getRevision(), event.getTimestamp().toString(), payload.getData(), meta.getData());
    }

    /**
     * Keeps the snapshot with the highest sequence: it replaces a stored one only if that is not newer.
     * When a newer one is stored, the filter matches nothing and the upsert's insert meets the {@code _id}.
     */
    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        StoredEvent e = toStored(snapshot, serializer);
        Document doc = e.toDocument().append("_id", snapshot.getAggregateIdentifier());
        try {
            snapshots.replaceOne(and(eq("_id", snapshot.getAggregateIdentifier()),
                            lte(StoredEvent.SEQUENCE, snapshot.getSequenceNumber())), doc,
                    new ReplaceOptions().upsert(true));
        } catch (MongoWriteException newerSnapshotStored) {
            if (newerSnapshotStored.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw newerSnapshotStored;
            }
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document d = snapshots.find(eq("_id", aggregateIdentifier)).first();
        if (d == null) {
            return Stream.empty();
        }
        return Stream.of(new EventEntry.Domain(StoredEvent.fromDocument(d), null));
    }

    /**
     * Reads an aggregate's events from {@code firstSequenceNumber} by looking up its stream keys
     * in windows through the unique index: the cost depends on the aggregate's events read, not on
     * the size of the log.
     */
    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber) {
        return readEventData(identifier, firstSequenceNumber, Long.MAX_VALUE);
    }

    /** An aggregate's events with sequence numbers from {@code first} to {@code last}, both included. */
    public DomainEventStream readEvents(String aggregateIdentifier, long first, long last) {
        return EventStreamUtils.upcastAndDeserializeDomainEvents(readEventData(aggregateIdentifier, first, last),
                getEventSerializer(), upcasterChain);
    }

    private Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber,
                                                               long lastSequenceNumber) {
        List<EventEntry.Domain> result = new ArrayList<>();
        long from = Math.max(0, firstSequenceNumber);
        while (from <= lastSequenceNumber) {
            long size = Math.min(AGGREGATE_WINDOW - 1, lastSequenceNumber - from) + 1;
            List<String> keys = LongStream.range(from, from + size)
                    .mapToObj(s -> StoredEvent.streamKey(identifier, s)).toList();
            long highest = -1;
            // mongo-java-server answers a multikey $in once per matching key: read each commit once
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (Document d : log.collection().find(in(StoredCommit.KEYS, keys))) {
                if (!seen.add(((Number) d.get(StoredCommit.ID)).longValue())) {
                    continue;
                }
                StoredCommit c = StoredCommit.fromDocument(d);
                for (int i = 0; i < c.events().size(); i++) {
                    StoredEvent e = c.events().get(i);
                    if (identifier.equals(e.aggregateId()) && e.sequence() >= from
                            && e.sequence() <= lastSequenceNumber) {
                        result.add(new EventEntry.Domain(e, new GlobalSequenceTrackingToken(c.first() + i)));
                        highest = Math.max(highest, e.sequence());
                    }
                }
            }
            if (highest < from + AGGREGATE_WINDOW - 1) {
                break;
            }
            from = highest + 1;
        }
        result.sort(Comparator.comparingLong(EventEntry.Domain::getSequenceNumber));
        return result.stream();
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        long after = trackingToken == null ? 0 : position(trackingToken);
        Iterator<EventEntry> it = new TrackingIterator(after);
        Stream<EventEntry> stream = StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
        return stream.onClose(((TrackingIterator) it)::close);
    }

    private static long position(TrackingToken token) {
        Long pos = token.position().isPresent() ? token.position().getAsLong() : null;
        if (pos == null) {
            throw new IllegalArgumentException("unsupported tracking token " + token);
        }
        return pos;
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        long from = readSnapshotData(aggregateIdentifier).findFirst().map(DomainEventData::getSequenceNumber)
                .orElse(-1L);
        Optional<Long> fromEvents = readEventData(aggregateIdentifier, from + 1)
                .map(DomainEventData::getSequenceNumber).reduce(Math::max);
        return fromEvents.isPresent() ? fromEvents : (from >= 0 ? Optional.of(from) : Optional.empty());
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        long head = log.headSequence();
        return head == 0 ? null : new GlobalSequenceTrackingToken(head);
    }

    /** The token just before the first event recorded at or after {@code dateTime} (a scan: rare). */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        try (MongoCursor<Document> cursor = log.streamFrom(1)) {
            while (cursor.hasNext()) {
                StoredCommit c = StoredCommit.fromDocument(cursor.next());
                for (int i = 0; i < c.events().size(); i++) {
                    if (!Instant.parse(c.events().get(i).timestamp()).isBefore(dateTime)) {
                        long index = c.first() + i;
                        return index <= 1 ? null : new GlobalSequenceTrackingToken(index - 1);
                    }
                }
            }
        }
        return createHeadToken();
    }

    /**
     * Reads the log after a position: near the head by {@code _id $in} windows, far behind it by one
     * ordered cursor. It stops at the first gap, so a commit not yet visible is never skipped.
     */
    private final class TrackingIterator implements Iterator<EventEntry> {
        private long after;
        private final List<EventEntry> buffer = new ArrayList<>();
        private int index;
        private MongoCursor<Document> cursor;
        private boolean ended;

        TrackingIterator(long after) {
            this.after = after;
        }

        @Override
        public boolean hasNext() {
            if (index < buffer.size()) {
                return true;
            }
            if (ended) {
                return false;
            }
            buffer.clear();
            index = 0;
            fill();
            if (buffer.isEmpty()) {
                ended = true;
                close();
            }
            return !buffer.isEmpty();
        }

        @Override
        public EventEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            EventEntry e = buffer.get(index++);
            after = e.token.getGlobalIndex();
            return e;
        }

        private void fill() {
            long want = after + 1;
            if (cursor != null) {
                fillFromCursor(want);
                return;
            }
            long known = log.knownHeadSequence();
            int window = known >= want ? (int) Math.min(CommitLog.WINDOW, known - want + 1 + CommitLog.PROBE)
                    : CommitLog.PROBE;
            Map<Long, Document> found = log.fetchByIds(want, window);
            Document d = found.get(want);
            if (d == null) {
                if (atHead(want, known)) {
                    return;
                }
                d = log.commitContaining(want);
                if (d == null) {
                    return;
                }
                add(d, want);
                return;
            }
            int commits = 0;
            while (d != null) {
                add(d, want);
                commits++;
                want = ((Number) d.get(StoredCommit.LAST)).longValue() + 1;
                d = found.get(want);
            }
            if (window == CommitLog.WINDOW
                    && (commits == window || (found.size() == commits && want >= after + window))) {
                long lag = log.headSequence() - want;
                if (streamingCursor && lag > CURSOR_THRESHOLD) {
                    cursor = log.streamFrom(want);
                }
            }
        }

        /**
         * Whether nothing is recorded at or after {@code want}, given that no commit starts there.
         * Known heads are commit boundaries, so right after one no commit can hold {@code want}
         * without starting at it; further on, the head is probed before looking for a commit
         * that holds {@code want} in its middle (a token inside a multi-event commit).
         */
        private boolean atHead(long want, long known) {
            if (known < 0) {
                return false;
            }
            if (want == known + 1) {
                return true;
            }
            return want > known && log.headSequence() < want;
        }

        private void fillFromCursor(long want) {
            int added = 0;
            while (added < 1_000 && cursor.hasNext()) {
                Document d = cursor.next();
                long id = ((Number) d.get(StoredCommit.ID)).longValue();
                if (id != want) {
                    // a gap (a commit not visible to this cursor): stop here, the caller re-reads later
                    cursor.close();
                    cursor = null;
                    return;
                }
                add(d, want);
                added++;
                want = ((Number) d.get(StoredCommit.LAST)).longValue() + 1;
            }
            if (added == 0) {
                cursor.close();
                cursor = null;
                fill();
            }
        }

        private void add(Document d, long fromSeq) {
            StoredCommit c = StoredCommit.fromDocument(d);
            log.observe(c.last());
            for (int i = 0; i < c.events().size(); i++) {
                long seq = c.first() + i;
                if (seq >= fromSeq) {
                    buffer.add(EventEntry.of(c.events().get(i), new GlobalSequenceTrackingToken(seq)));
                }
            }
        }

        void close() {
            if (cursor != null) {
                cursor.close();
                cursor = null;
            }
        }
    }

    /** Builder wiring the commit log and database besides Axon's serializers and upcaster chain. */
    public static class Builder extends AbstractEventStorageEngine.Builder {
        private CommitLog commitLog;
        private MongoDatabase database;
        private boolean streamingCursor = true;

        /** A builder whose persistence exception resolver knows the commit log's aggregate sequence conflicts. */
        public Builder() {
            super.persistenceExceptionResolver(CommitLog.AggregateSequenceConflict.class::isInstance);
        }

        /**
         * Whether a replay far behind the head streams one ordered cursor (right for MongoDB). Off for
         * mongo-java-server, which materialises every document a range query matches: there replays
         * read bounded {@code _id $in} windows, whose cost and memory do not grow with the log.
         */
        public Builder streamingCursor(boolean streamingCursor) {
            this.streamingCursor = streamingCursor;
            return this;
        }

        public Builder commitLog(CommitLog commitLog) {
            this.commitLog = commitLog;
            return this;
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver resolver) {
            super.persistenceExceptionResolver(resolver);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotFilter(org.axonframework.eventsourcing.snapshotting.SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        protected void validate() {
            if (commitLog == null || database == null) {
                throw new org.axonframework.common.AxonConfigurationException("commitLog and database are required");
            }
            super.validate();
        }

        public LedgerEventStorageEngine build() {
            return new LedgerEventStorageEngine(this);
        }
    }
}
