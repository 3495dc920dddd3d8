package id.sakip.ledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints signed with the ledger's Ed25519 key catch a log that was rewritten with every later hash
 * recomputed, which the hash chain alone cannot; a line of the checkpoint file without a valid signature is
 * reported and trusted for nothing.
 */
class SignedCheckpointsTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path signing;

    private CheckpointSigner signer() {
        return CheckpointSigner.open(signing.resolve("keys").resolve("signing-key.pem"));
    }

    private SignedCheckpoints checkpoints(CheckpointSigner signer) {
        return new SignedCheckpoints(signing.resolve("checkpoints.jsonl"), signer.publicKey());
    }

    /** Appends {@code count} one-event commits and signs a checkpoint after each, as the monitor does. */
    private void appendSigned(TestStore store, CommitLog log, SignedCheckpoints checkpoints, CheckpointSigner signer,
                              String prefix, int count) {
        LedgerEventStorageEngine engine = store.engine(log);
        for (int i = 0; i < count; i++) {
            engine.appendEvents(TestEvents.increment(prefix + i, 0, i + 1));
            VerificationResult head = new ChainVerifier(store.database()).verify();
            checkpoints.append(signer.sign(head.headSequence(), head.headSequence(), head.headHash(), Instant.now()));
        }
    }

    @Test
    void theKeyIsCreatedOnceOwnerReadableAndReadBackOnTheNextStart() throws Exception {
        CheckpointSigner first = signer();
        CheckpointSigner again = signer();
        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(first.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(Files.getPosixFilePermissions(signing.resolve("keys").resolve("signing-key.pem")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        SignedCheckpoint c = first.sign(1, 1, CommitHasher.GENESIS, Instant.now());
        assertThat(c.signedBy(CheckpointSigner.readPublicKey(again.publicKeyPem()))).isTrue();
    }

    @Test
    void aRewrittenLogThatStillChainsIsBrokenAtTheFirstCommitAfterTheLastMatchingCheckpoint() {
        CheckpointSigner signer = signer();
        SignedCheckpoints checkpoints = checkpoints(signer);
        try (TestStore store = TestStore.embedded(dataDir); CommitLog log = store.commitLog()) {
            appendSigned(store, log, checkpoints, signer, "rw-", 8);
            CheckpointVerifier verifier = new CheckpointVerifier(store.database(), new ChainVerifier(store.database()),
                    checkpoints);
            SignedVerification intact = verifier.verify();
            assertThat(intact.verified()).as(String.valueOf(intact)).isTrue();
            assertThat(intact.checkpoints().matchingSequence()).isEqualTo(8L);

            LogRewriter.rewrite(store.database(), 5, payload -> payload.replace("5", "50000000"));

            assertThat(new ChainVerifier(store.database()).verify().verified())
                    .as("the hash chain alone is fooled by recomputed hashes").isTrue();
            SignedVerification rewritten = verifier.verify();
            assertThat(rewritten.verified()).isFalse();
            assertThat(rewritten.result().brokenAtSequence()).isEqualTo(5L);
            assertThat(rewritten.result().reason()).contains("commit 5");
            assertThat(rewritten.checkpoints().matchingSequence()).isEqualTo(4L);
            assertThat(rewritten.checkpoints().mismatchSequence()).isEqualTo(5L);
        }
    }

    @Test
    void aCheckpointPastTheHeadMeansCommitsWereRemoved() {
        CheckpointSigner signer = signer();
        SignedCheckpoints checkpoints = checkpoints(signer);
        try (TestStore store = TestStore.embedded(dataDir); CommitLog log = store.commitLog()) {
            appendSigned(store, log, checkpoints, signer, "cut-", 4);
            store.database().getCollection(StoredCommit.COLLECTION)
                    .deleteOne(com.mongodb.client.model.Filters.eq("_id", 4L));
            SignedVerification cut = new CheckpointVerifier(store.database(), new ChainVerifier(store.database()),
                    checkpoints).verify();
            assertThat(cut.verified()).isFalse();
            assertThat(cut.result().brokenAtSequence()).isEqualTo(4L);
            assertThat(cut.result().reason()).contains("commits were removed");
        }
    }

    @Test
    void aForgedCheckpointLineIsReportedAndNotTrusted() throws Exception {
        CheckpointSigner signer = signer();
        SignedCheckpoints checkpoints = checkpoints(signer);
        try (TestStore store = TestStore.embedded(dataDir); CommitLog log = store.commitLog()) {
            appendSigned(store, log, checkpoints, signer, "forged-", 2);
            SignedCheckpoint real = checkpoints.read().latest();
            String forged = "{\"first\":3,\"sequence\":3,\"hash\":\"" + "ab".repeat(32) + "\",\"time\":\""
                    + real.time() + "\",\"keyId\":\"" + real.keyId() + "\",\"signature\":\"" + real.signature() + "\"}\n";
            Files.writeString(checkpoints.file(), forged, StandardOpenOption.APPEND);

            SignedCheckpoints.Reading reading = checkpoints.read();
            assertThat(reading.valid()).hasSize(2);
            assertThat(reading.problems()).singleElement().asString().contains("line 3")
                    .contains("does not carry a valid signature");
            SignedVerification result = new CheckpointVerifier(store.database(), new ChainVerifier(store.database()),
                    checkpoints).verify();
            assertThat(result.verified()).isFalse();
            assertThat(result.result().reason()).contains("line 3");
            assertThat(result.checkpoints().problems()).hasSize(1);
        }
    }

    @Test
    void theOfflineVerifierChecksTheCheckpointFileWithTheDownloadedPublicKey() throws Exception {
        CheckpointSigner signer = signer();
        SignedCheckpoints checkpoints = checkpoints(signer);
        try (TestStore store = TestStore.embedded(dataDir); CommitLog log = store.commitLog()) {
            appendSigned(store, log, checkpoints, signer, "cli-", 6);
            LogRewriter.rewrite(store.database(), 3, payload -> payload.replace("3", "50000000"));
        }
        Path publicKey = signing.resolve("ledger.pem");
        Files.writeString(publicKey, signer.publicKeyPem());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = LedgerCli.run(new String[] {"verify", "--data-dir=" + dataDir, "--checkpoints=" + checkpoints.file(),
                "--public-key=" + publicKey}, new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isEqualTo(1);
        assertThat(text).contains("\"verified\" : false").contains("\"brokenAtSequence\" : 3")
                .contains("\"matchingSequence\" : 2");
        assertThat(LedgerCli.run(new String[] {"verify", "--checkpoints=" + checkpoints.file()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isEqualTo(2);
    }
}
