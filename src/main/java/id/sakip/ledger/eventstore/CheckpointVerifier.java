package id.sakip.ledger.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * Checks the log against the signed checkpoints as well as against its own hash chain: a rewrite that
 * recomputed every later hash still differs from the hash signed for a checkpoint at or after it. Reads the
 * store directly, never through a cache.
 */
public final class CheckpointVerifier {

    private static final int WINDOW = CommitLog.WINDOW;

    private final MongoCollection<Document> commits;
    private final ChainVerifier chain;
    private final SignedCheckpoints checkpoints;

    public CheckpointVerifier(MongoDatabase database, ChainVerifier chain, SignedCheckpoints checkpoints) {
        this.commits = database.getCollection(StoredCommit.COLLECTION);
        this.chain = chain;
        this.checkpoints = checkpoints;
    }

    public SignedCheckpoints checkpoints() {
        return checkpoints;
    }

    public SignedVerification verify() {
        return verify(null);
    }

    /** Recomputes the whole chain, then compares every signed checkpoint (and a saved digest, if given) with it. */
    public SignedVerification verify(LedgerDigest digest) {
        long started = System.nanoTime();
        SignedCheckpoints.Reading reading = checkpoints.read();
        VerificationResult result = chain.verify(digest);
        SignedCheckpoint matching = null;
        SignedCheckpoint mismatch = null;
        if (result.verified()) {
            Comparison comparison = compare(reading.valid(), result);
            matching = comparison.lastMatching();
            mismatch = comparison.mismatch();
            if (comparison.broken() != null) {
                result = comparison.broken();
            } else if (!reading.problems().isEmpty()) {
                result = new VerificationResult(false, result.commits(), result.events(), result.headSequence(),
                        result.headHash(), null, null, null, "the checkpoint file holds lines that are not signed "
                        + "by the ledger's key: " + String.join("; ", reading.problems()), result.durationMillis());
            }
        }
        SignedCheckpoint latest = reading.latest();
        CheckpointStatus status = new CheckpointStatus(CheckpointSigner.keyIdOf(checkpoints.key()), reading.valid().size(),
                latest == null ? null : latest.sequence(), latest == null ? null : latest.time(),
                matching == null ? null : matching.sequence(), matching == null ? null : matching.time(),
                mismatch == null ? null : mismatch.sequence(), mismatch == null ? null : mismatch.time(),
                reading.problems());
        return new SignedVerification(withDuration(result, started), status);
    }

    private static VerificationResult withDuration(VerificationResult r, long startedNanos) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        return new VerificationResult(r.verified(), r.commits(), r.events(), r.headSequence(), r.headHash(),
                r.brokenAtSequence(), r.expectedHash(), r.foundHash(), r.reason(), millis);
    }

    /** The outcome of comparing signed checkpoints with the stored log: the last one that matched, the first that did not. */
    record Comparison(SignedCheckpoint lastMatching, SignedCheckpoint mismatch, VerificationResult broken) {
    }

    /**
     * Compares each checkpoint, in sequence order, with the stored commit it pins, up to the first that no
     * longer matches. The first commit that may differ from the signed log is the one after the last
     * checkpoint that still matches.
     */
    Comparison compare(List<SignedCheckpoint> valid, VerificationResult chainResult) {
        long head = chainResult.headSequence();
        SignedCheckpoint lastMatching = null;
        for (int from = 0; from < valid.size(); from += WINDOW) {
            List<SignedCheckpoint> window = valid.subList(from, Math.min(valid.size(), from + WINDOW));
            Map<Long, Document> stored = byId(window.stream().map(SignedCheckpoint::first).distinct().toList());
            for (SignedCheckpoint c : window) {
                Document d = stored.get(c.first());
                String found = d == null ? null : d.getString(StoredCommit.HASH);
                boolean same = d != null && ((Number) d.get(StoredCommit.LAST)).longValue() == c.sequence()
                        && c.hash().equals(found);
                if (!same) {
                    long firstDiffering = lastMatching == null ? 1 : lastMatching.sequence() + 1;
                    return new Comparison(lastMatching, c, VerificationResult.broken(firstDiffering, c.hash(), found,
                            mismatch(c, lastMatching, head, firstDiffering), chainResult.commits(),
                            chainResult.events(), chainResult.durationMillis()));
                }
                lastMatching = c;
            }
        }
        return new Comparison(lastMatching, null, null);
    }

    private static String mismatch(SignedCheckpoint c, SignedCheckpoint lastMatching, long head, long firstDiffering) {
        String signed = "the checkpoint signed at " + c.time() + " for sequence " + c.sequence();
        String since = lastMatching == null ? "from the first commit on"
                : "after sequence " + lastMatching.sequence() + ", where the checkpoint signed at "
                + lastMatching.time() + " still matches";
        if (c.sequence() > head) {
            return "the log ends at sequence " + head + ", before " + signed + ": commits were removed " + since;
        }
        if (firstDiffering == c.first()) {
            return "commit " + c.first() + " no longer has the hash of " + signed + ": it was changed after it was "
                    + "signed";
        }
        return "commit " + c.first() + " no longer has the hash of " + signed + ": the log was rewritten " + since
                + " (commits " + firstDiffering + " to " + c.sequence() + "), and later hashes were recomputed";
    }

    /** The stored commit whose first sequence is {@code first}, read from the store. */
    Document commitAt(long first) {
        return commits.find(eq(StoredCommit.ID, first)).first();
    }

    Map<Long, Document> byId(List<Long> ids) {
        Map<Long, Document> found = new HashMap<>();
        List<Document> read = new ArrayList<>();
        commits.find(in(StoredCommit.ID, ids)).into(read);
        for (Document d : read) {
            found.put(((Number) d.get(StoredCommit.ID)).longValue(), d);
        }
        return found;
    }

    /** A verified place in the log: the commit {@code [first, last]} with its hash; {@link #GENESIS} before any. */
    record Position(long first, long last, String hash) {
        static final Position GENESIS = new Position(0, 0, CommitHasher.GENESIS);
    }

    /** The outcome of walking the chain forward: the last verified position, or the commit that broke it. */
    record Walk(Position reached, Long brokenAt, String reason) {
    }

    /** Recomputes the chain from {@code from} to the head of the log, following each commit's successor. */
    Walk walkFrom(Position from) {
        Position at = from;
        long next = from.last() + 1;
        while (true) {
            List<Long> ids = new ArrayList<>(WINDOW);
            for (long id = next; id < next + WINDOW; id++) {
                ids.add(id);
            }
            Map<Long, Document> found = byId(ids);
            Document d = found.get(next);
            if (d == null) {
                return new Walk(at, null, null);
            }
            while (d != null) {
                StoredCommit c;
                try {
                    c = StoredCommit.fromDocument(d);
                } catch (RuntimeException e) {
                    return new Walk(at, next, "commit " + next + " cannot be read: " + e.getMessage());
                }
                if (!at.hash().equals(c.previousHash())) {
                    return new Walk(at, c.first(), "commit " + c.first() + " names a different previous hash");
                }
                String recomputed = CommitHasher.hash(c.first(), c.last(), c.committedAt(), c.commitId(), c.events(),
                        at.hash());
                if (!recomputed.equals(c.hash())) {
                    return new Walk(at, c.first(), "content or chain link of commit " + c.first()
                            + " does not match its hash");
                }
                at = new Position(c.first(), c.last(), c.hash());
                next = c.last() + 1;
                d = found.get(next);
            }
        }
    }
}
