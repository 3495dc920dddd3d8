package id.sakip.ledger.eventstore;

import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;

/**
 * Recomputes the hash chain over the whole log through one ordered cursor and reports the first
 * commit that is missing, out of place or altered. Given a saved {@link LedgerDigest}, it also proves
 * that the log still extends it: the commit ending at the digest's head sequence has its hash.
 */
public final class ChainVerifier {

    private final MongoDatabase database;

    public ChainVerifier(MongoDatabase database) {
        this.database = database;
    }

    public VerificationResult verify() {
        return verify(null);
    }

    public VerificationResult verify(LedgerDigest digest) {
        long started = System.nanoTime();
        long expectedFirst = 1;
        String previous = CommitHasher.GENESIS;
        long commits = 0;
        long events = 0;
        boolean digestSeen = digest == null || digest.headSequence() == 0;
        CommitLog commitLog = null;
        try (MongoCursor<Document> cursor = database.getCollection(StoredCommit.COLLECTION).find()
                .sort(new Document("_id", 1)).batchSize(1_000).cursor()) {
            while (cursor.hasNext()) {
                Document doc = cursor.next();
                long id = ((Number) doc.get(StoredCommit.ID)).longValue();
                if (id != expectedFirst) {
                    return VerificationResult.broken(expectedFirst, null, null,
                            "commit at sequence " + expectedFirst + " is missing or out of place (found "
                                    + id + " instead)", commits, events, millis(started));
                }
                StoredCommit c;
                try {
                    c = StoredCommit.fromDocument(doc);
                } catch (RuntimeException e) {
                    return VerificationResult.broken(id, null, doc.get(StoredCommit.HASH, "?"),
                            "commit at sequence " + id + " cannot be read: " + e.getMessage(), commits, events,
                            millis(started));
                }
                String recomputed = CommitHasher.hash(c.first(), c.last(), c.committedAt(), c.commitId(),
                        c.events(), previous);
                String problem = null;
                if (!recomputed.equals(c.hash())) {
                    problem = "content or chain link of commit " + id + " does not match its hash";
                } else if (!previous.equals(c.previousHash())) {
                    problem = "commit " + id + " names a different previous hash";
                } else if (c.eventCount() != c.events().size()) {
                    problem = "commit " + id + " holds " + c.events().size() + " events but spans " + c.eventCount();
                } else if (StoredCommit.repeatedStreamKey(c.events()) != null) {
                    problem = "commit " + id + " holds two events at aggregate sequence "
                            + StoredCommit.repeatedStreamKey(c.events());
                } else if (!List.copyOf(c.keys()).equals(StoredCommit.storedKeys(doc))) {
                    problem = "stream keys of commit " + id + " do not match its events";
                }
                if (problem != null) {
                    return VerificationResult.broken(id, recomputed, c.hash(), problem, commits, events,
                            millis(started));
                }
                if (digest != null && !digestSeen && c.last() >= digest.headSequence()) {
                    if (c.last() != digest.headSequence() || !c.hash().equals(digest.headHash())) {
                        return VerificationResult.broken(c.first(), digest.headHash(), c.hash(),
                                "the log no longer extends the saved digest at sequence " + digest.headSequence(),
                                commits, events, millis(started));
                    }
                    digestSeen = true;
                }
                commits++;
                events += c.events().size();
                previous = c.hash();
                expectedFirst = c.last() + 1;
            }
        }
        if (!digestSeen) {
            return VerificationResult.broken(expectedFirst, digest.headHash(), null,
                    "the log ends at sequence " + (expectedFirst - 1) + ", before the saved digest's head "
                            + digest.headSequence() + ": commits were removed", commits, events, millis(started));
        }
        return VerificationResult.ok(commits, events, expectedFirst - 1, previous, millis(started));
    }

    private static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
