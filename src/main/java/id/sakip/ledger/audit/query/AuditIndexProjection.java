package id.sakip.ledger.audit.query;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

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

    /** Up to {@value #CHUNK} global sequence numbers of one organisation's events. */
    public static final class Chunk {
        public List<Long> sequences = new ArrayList<>();
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
        List<Long> sequences = chunks.book(org + "#" + (head.count / CHUNK)).sequences;
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
                all.addAll(chunk.sequences);
            }
        }
        return all;
    }
}
