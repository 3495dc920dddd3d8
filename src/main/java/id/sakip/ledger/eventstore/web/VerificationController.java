package id.sakip.ledger.eventstore.web;

import java.time.Clock;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import id.sakip.ledger.eventstore.CheckpointSigner;
import id.sakip.ledger.eventstore.CheckpointVerifier;
import id.sakip.ledger.eventstore.LedgerDigest;
import id.sakip.ledger.eventstore.LogBroken;
import id.sakip.ledger.eventstore.LogIntegrityMonitor;
import id.sakip.ledger.eventstore.SignedVerification;

/** Verification of the hash-chained log against its signed checkpoints, and digests that an auditor keeps outside the system. */
@RestController
@RequestMapping("/api/v1/audit")
public class VerificationController {

    private final CheckpointVerifier verifier;
    private final CheckpointSigner signer;
    private final LogIntegrityMonitor monitor;
    private final Clock clock;
    private final id.sakip.ledger.eventstore.LedgerMetrics metrics;

    public VerificationController(CheckpointVerifier verifier, CheckpointSigner signer, LogIntegrityMonitor monitor,
                                  Clock clock, id.sakip.ledger.eventstore.LedgerMetrics metrics) {
        this.verifier = verifier;
        this.signer = signer;
        this.monitor = monitor;
        this.clock = clock;
        this.metrics = metrics;
    }

    private SignedVerification measured(SignedVerification result) {
        metrics.verified(result.result().durationMillis(), result.verified());
        monitor.observe(result);
        return result;
    }

    @GetMapping("/verify")
    public SignedVerification verify() {
        return measured(verifier.verify());
    }

    /** Verifies the log and that it still extends a digest saved earlier. */
    @PostMapping("/verify")
    public SignedVerification verify(@RequestBody LedgerDigest digest) {
        return measured(verifier.verify(digest));
    }

    /** The current head as a digest to keep outside the system; taken after a full verification. */
    @GetMapping("/digest")
    public LedgerDigest digest() {
        SignedVerification result = measured(verifier.verify());
        if (!result.verified()) {
            throw new LogBroken(result.result().brokenAtSequence(), result.result().reason());
        }
        return new LedgerDigest(result.result().headSequence(), result.result().headHash(), clock.instant().toString());
    }

    /** The public key that signs the checkpoints, in PEM, to check the checkpoint file with outside the ledger. */
    @GetMapping(value = "/public-key", produces = "application/x-pem-file")
    public ResponseEntity<String> publicKey() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-pem-file"))
                .header("Content-Disposition", "attachment; filename=\"ledger-" + signer.keyId() + ".pem\"")
                .body(signer.publicKeyPem());
    }
}
