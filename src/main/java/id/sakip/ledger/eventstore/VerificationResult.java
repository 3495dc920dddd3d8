package id.sakip.ledger.eventstore;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of recomputing the hash chain: either verified with the head it reached, or the first
 * broken commit with the hash it should have had and the hash found.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationResult(boolean verified, long commits, long events, Long headSequence, String headHash,
                                 Long brokenAtSequence, String expectedHash, String foundHash, String reason,
                                 long durationMillis) {

    static VerificationResult ok(long commits, long events, long headSequence, String headHash, long millis) {
        return new VerificationResult(true, commits, events, headSequence, headHash, null, null, null, null, millis);
    }

    static VerificationResult broken(long sequence, String expected, String found, String reason,
                                     long commits, long events, long millis) {
        return new VerificationResult(false, commits, events, null, null, sequence, expected, found, reason, millis);
    }
}
