package id.sakip.ledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/** The offline verifier checks a stored log (e.g. a backup) without the running application. */
class LedgerCliTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path work;

    private String run(int expectedExit, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = LedgerCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isEqualTo(expectedExit);
        return text;
    }

    @Test
    void verifiesAStoredLogAndASavedDigestThenCatchesTampering() throws Exception {
        LedgerDigest digest;
        try (TestStore store = TestStore.embedded(dataDir); CommitLog log = store.commitLog()) {
            LedgerEventStorageEngine engine = store.engine(log);
            for (int i = 0; i < 8; i++) {
                engine.appendEvents(TestEvents.increment("cli-" + i, 0, i + 1));
            }
            VerificationResult r = new ChainVerifier(store.database()).verify();
            digest = new LedgerDigest(r.headSequence(), r.headHash(), "2026-11-28T00:00:00Z");
        }
        Path digestFile = work.resolve("digest.json");
        Files.writeString(digestFile, "{\"headSequence\":" + digest.headSequence() + ",\"headHash\":\""
                + digest.headHash() + "\",\"takenAt\":\"" + digest.takenAt() + "\"}");

        String ok = run(0, "verify", "--data-dir=" + dataDir, "--digest=" + digestFile);
        assertThat(ok).contains("\"verified\" : true").contains("\"events\" : 8");

        try (TestStore store = TestStore.embedded(dataDir)) {
            store.database().getCollection(StoredCommit.COLLECTION)
                    .updateOne(Filters.eq("_id", 4L), Updates.set("at", "2020-01-01T00:00:00Z"));
        }
        String broken = run(1, "verify", "--data-dir=" + dataDir);
        assertThat(broken).contains("\"verified\" : false").contains("\"brokenAtSequence\" : 4");
        run(2, "verify", "nonsense");
    }
}
