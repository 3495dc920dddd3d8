package id.sakip.ledger.eventstore;

/**
 * A digest of the log that an auditor keeps outside the system: the head sequence, the hash of the
 * commit ending there, and when it was taken. A later log that still contains this commit with this
 * hash proves nothing at or before it was changed or removed.
 */
@io.swagger.v3.oas.annotations.media.Schema(example = "{\"headSequence\": 52, \"headHash\": \"9f2c4e0b7d1a3f5e6c8b9a0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f\", \"takenAt\": \"2026-12-01T12:00:00Z\"}")
public record LedgerDigest(long headSequence, String headHash, String takenAt) {
}
