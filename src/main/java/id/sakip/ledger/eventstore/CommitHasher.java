package id.sakip.ledger.eventstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical encoding of a commit and its SHA-256 hash. Every field is written as
 * {@code name=length:value} so that no two different commits share an encoding; the previous
 * commit's hash is part of the input, which chains the whole log.
 */
public final class CommitHasher {

    /** The "previous hash" of the first commit. */
    public static final String GENESIS = "0".repeat(64);
    private static final String VERSION = "ledger-commit/v1";

    private CommitHasher() {
    }

    public static String hash(long first, long last, String committedAt, String commitId,
                              List<StoredEvent> events, String previousHash) {
        StringBuilder sb = new StringBuilder(256 + events.size() * 256);
        sb.append(VERSION).append('\n');
        field(sb, "first", Long.toString(first));
        field(sb, "last", Long.toString(last));
        field(sb, "committedAt", committedAt);
        field(sb, "commitId", commitId);
        field(sb, "previous", previousHash);
        field(sb, "events", Integer.toString(events.size()));
        for (StoredEvent e : events) {
            field(sb, "id", e.eventId());
            field(sb, "aggregateType", e.aggregateType());
            field(sb, "aggregateId", e.aggregateId());
            field(sb, "sequence", Long.toString(e.sequence()));
            field(sb, "type", e.payloadType());
            field(sb, "revision", e.revision());
            field(sb, "timestamp", e.timestamp());
            field(sb, "payload", e.payload());
            field(sb, "metaData", e.metaData());
        }
        return sha256(sb.toString());
    }

    public static String hash(StoredCommit c) {
        return hash(c.first(), c.last(), c.committedAt(), c.commitId(), c.events(), c.previousHash());
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append(name).append('=');
        if (value == null) {
            sb.append("-1:");
        } else {
            sb.append(value.length()).append(':').append(value);
        }
        sb.append('\n');
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the JVM specification", e);
        }
    }
}
