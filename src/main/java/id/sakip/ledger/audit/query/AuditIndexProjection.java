package id.sakip.ledger.audit.query;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonGetter;
import com.fasterxml.jackson.annotation.JsonSetter;

import com.mongodb.client.MongoDatabase;

import id.sakip.ledger.eventstore.metadata.LedgerMetadata;
import id.sakip.ledger.eventstore.projection.BatchedBooks;
import id.sakip.ledger.performance.api.KabupatenGradingScaleSet;

/**
 * Which events of the log belong to which organisation (a kabupaten's scales under the kabupaten's key): per organisation, the global sequence
 * numbers of its events in chunks of {@value #CHUNK}, every document addressed by {@code _id}, so an
 * organisation's history is read without scanning the log.
 */
@Component
@ProcessingGroup(AuditIndexProjection.PROCESSOR)
public class AuditIndexProjection {

    public static final String PROCESSOR = "audit-index";
    static final int CHUNK = 1_000;

    /** How many events an organisation has, and the last sequence indexed. */
    public static final class Head {
        public long count;
        public long lastSequence;
    }

    /**
     * Up to {@value #CHUNK} global sequence numbers of one organisation's events, stored packed as one
     * string (the first number, then the differences, in base 36). A chunk is written again after every
     * batch that adds to it; as a list of up to a thousand numbers it cost the store a document of a thousand
     * fields to copy, compare and encode each time, as a string a copy of a few kilobytes.
     */
    public static final class Chunk {
        private static final char SEPARATOR = ',';
        private final List<Long> sequences = new ArrayList<>();

        /** The sequence numbers, ascending. */
        public List<Long> sequences() {
            return sequences;
        }

        @JsonGetter("packed")
        String packed() {
            StringBuilder text = new StringBuilder(sequences.size() * 3);
            long previous = 0;
            for (long sequence : sequences) {
                if (!text.isEmpty()) {
                    text.append(SEPARATOR);
                }
                text.append(Long.toString(sequence - previous, Character.MAX_RADIX));
                previous = sequence;
            }
            return text.toString();
        }

        @JsonSetter("packed")
        void packed(String text) {
            sequences.clear();
            long previous = 0;
            int start = 0;
            while (start < text.length()) {
                int end = text.indexOf(SEPARATOR, start);
                end = end < 0 ? text.length() : end;
                previous += Long.parseLong(text, start, end, Character.MAX_RADIX);
                sequences.add(previous);
                start = end + 1;
            }
        }

        /** Chunks stored before they were packed hold the numbers as a list. */
        @JsonSetter("sequences")
        void unpacked(List<Long> stored) {
            sequences.clear();
            sequences.addAll(stored);
        }
    }

    private final BatchedBooks<Head> heads;
    private final BatchedBooks<Chunk> chunks;

    public AuditIndexProjection(MongoDatabase ledgerDatabase) {
        this.heads = new BatchedBooks<>(ledgerDatabase, "audit_heads", Head.class, Head::new);
        this.chunks = new BatchedBooks<>(ledgerDatabase, "audit_chunks", Chunk.class, Chunk::new);
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, TrackingToken token) {
        Object org = payload instanceof KabupatenGradingScaleSet set ? kabupatenKey(set.kabupatenId())
                : message.getMetaData().get(LedgerMetadata.ORGANISATION_ID);
        if (org == null || token == null || token.position().isEmpty()) {
            return;
        }
        long sequence = token.position().getAsLong();
        // chunks reach the store before heads: after a crash between the two writes a chunk may hold an
        // event its head does not count yet, never the other way round (which would lose the event)
        chunks.enlist();
        Head head = heads.book(org.toString());
        if (sequence <= head.lastSequence) {
            return;
        }
        List<Long> sequences = chunks.book(org + "#" + (head.count / CHUNK)).sequences();
        if (sequences.isEmpty() || sequences.get(sequences.size() - 1) < sequence) {
            sequences.add(sequence);
        }
        head.count++;
        head.lastSequence = sequence;
    }

    /** The index key of a kabupaten's own events (its scales), which belong to every organisation in it. */
    public static String kabupatenKey(String kabupatenId) {
        return "kab:" + kabupatenId;
    }

    @ResetHandler
    void reset() {
        heads.reset();
        chunks.reset();
    }

    /** All global sequence numbers of an organisation's events, in recording order. */
    public List<Long> sequencesOf(String organisationId) {
        Head head = heads.find(organisationId);
        List<Long> all = new ArrayList<>();
        if (head == null) {
            return all;
        }
        for (long c = 0; c <= (head.count - 1) / CHUNK; c++) {
            Chunk chunk = chunks.find(organisationId + "#" + c);
            if (chunk != null) {
                all.addAll(chunk.sequences());
            }
        }
        return all;
    }
}
