package id.sakip.ledger.eventstore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;

/**
 * One commit of the global log: the events of one unit of work, stored as one MongoDB document.
 * Its {@code _id} is the global sequence number of its first event; the next commit starts at
 * {@code last + 1}, so the global sequence has no gaps. {@code hash} chains it to the commit before.
 *
 * @param first       global sequence number of the first event (the document's {@code _id})
 * @param last        global sequence number of the last event
 * @param committedAt ISO-8601 instant at which the commit was written
 * @param commitId    the writer's identifier for this commit, used to recognise its own write after a fault
 * @param events      the events, in order
 * @param previousHash hash of the preceding commit, {@link CommitHasher#GENESIS} for the first
 * @param hash        SHA-256 (hex) over the canonical encoding of this commit and {@code previousHash}
 */
public record StoredCommit(long first, long last, String committedAt, String commitId, List<StoredEvent> events,
                           String previousHash, String hash) {

    public static final String COLLECTION = "commits";
    static final String ID = "_id";
    static final String LAST = "last";
    static final String COMMITTED_AT = "at";
    static final String COMMIT_ID = "cid";
    static final String KEYS = "keys";
    static final String EVENTS = "ev";
    static final String PREVIOUS = "prev";
    static final String HASH = "hash";

    public long eventCount() {
        return last - first + 1;
    }

    /**
     * Unique keys of this commit: every aggregate event's {@code aggregate#sequence}, or, for a commit
     * with no aggregate events, a key of its own, so the unique index never sees a missing value.
     */
    public List<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        for (StoredEvent e : events) {
            if (e.isDomainEvent()) {
                keys.add(e.streamKey());
            }
        }
        if (keys.isEmpty()) {
            keys.add("#commit:" + commitId);
        }
        return new ArrayList<>(keys);
    }

    /**
     * The first stream key that two of these events share, or {@code null}. A unique multikey index
     * compares keys across documents only, so a repeat inside one commit must be refused before it is written.
     */
    static String repeatedStreamKey(List<StoredEvent> events) {
        Set<String> seen = new HashSet<>();
        for (StoredEvent e : events) {
            if (e.isDomainEvent() && !seen.add(e.streamKey())) {
                return e.streamKey();
            }
        }
        return null;
    }

    Document toDocument() {
        List<Document> ev = new ArrayList<>(events.size());
        for (StoredEvent e : events) {
            ev.add(e.toDocument());
        }
        return new Document(ID, first)
                .append(LAST, last)
                .append(COMMITTED_AT, committedAt)
                .append(COMMIT_ID, commitId)
                .append(KEYS, keys())
                .append(EVENTS, ev)
                .append(PREVIOUS, previousHash)
                .append(HASH, hash);
    }

    static StoredCommit fromDocument(Document d) {
        List<Document> ev = d.getList(EVENTS, Document.class);
        List<StoredEvent> events = new ArrayList<>(ev == null ? 0 : ev.size());
        if (ev != null) {
            for (Document e : ev) {
                events.add(StoredEvent.fromDocument(e));
            }
        }
        return new StoredCommit(((Number) d.get(ID)).longValue(), ((Number) d.get(LAST)).longValue(),
                d.getString(COMMITTED_AT), d.getString(COMMIT_ID), events, d.getString(PREVIOUS), d.getString(HASH));
    }

    /** Stored keys as found in the document (they may have been tampered with). */
    static List<String> storedKeys(Document d) {
        List<String> keys = d.getList(KEYS, String.class);
        return keys == null ? List.of() : keys;
    }
}
