package id.sakip.ledger.eventstore;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * The attacker's move of the issue: someone who can write to the store changes one commit's payload with the
 * raw driver and recomputes that commit's hash and every later one with the ledger's own {@link CommitHasher}.
 */
final class LogRewriter {

    private LogRewriter() {
    }

    /** Rewrites the first event of the commit starting at {@code first} and rechains every commit after it. */
    static void rewrite(MongoDatabase database, long first, UnaryOperator<String> payload) {
        MongoCollection<Document> commits = database.getCollection(StoredCommit.COLLECTION);
        List<Document> all = commits.find().sort(new Document("_id", 1)).into(new ArrayList<>());
        String previous = CommitHasher.GENESIS;
        for (Document d : all) {
            long id = ((Number) d.get(StoredCommit.ID)).longValue();
            if (id == first) {
                Document event = d.getList(StoredCommit.EVENTS, Document.class).get(0);
                event.put(StoredEvent.PAYLOAD, payload.apply(event.getString(StoredEvent.PAYLOAD)));
            }
            if (id >= first) {
                StoredCommit c = StoredCommit.fromDocument(d);
                d.put(StoredCommit.PREVIOUS, previous);
                d.put(StoredCommit.HASH, CommitHasher.hash(c.first(), c.last(), c.committedAt(), c.commitId(),
                        c.events(), previous));
                commits.replaceOne(eq(StoredCommit.ID, id), d);
            }
            previous = d.getString(StoredCommit.HASH);
        }
    }

    /** The first sequence of the commit holding the {@code n}-th (from 1) event of a type ending in {@code type}. */
    static long commitOf(MongoDatabase database, String type, int n) {
        int seen = 0;
        for (Document d : database.getCollection(StoredCommit.COLLECTION).find().sort(new Document("_id", 1))) {
            for (Document e : d.getList(StoredCommit.EVENTS, Document.class)) {
                if (e.getString(StoredEvent.TYPE).endsWith(type) && ++seen == n) {
                    return ((Number) d.get(StoredCommit.ID)).longValue();
                }
            }
        }
        throw new IllegalStateException("no " + n + "th " + type);
    }
}
