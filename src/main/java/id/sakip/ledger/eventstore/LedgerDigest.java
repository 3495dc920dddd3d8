package id.sakip.ledger.eventstore;

/**
 * A digest of the log that an auditor keeps outside the system: the head sequence, the hash of the
 * commit ending there, and when it was taken. A later log that still contains this commit with this
 * hash proves nothing at or before it was changed or removed.
 */
public record LedgerDigest(long headSequence, String headHash, String takenAt) {
}
