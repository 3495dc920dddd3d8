package id.sakip.ledger.eventstore.web;

import java.time.Clock;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import id.sakip.ledger.eventstore.ChainVerifier;
import id.sakip.ledger.eventstore.LedgerDigest;
import id.sakip.ledger.eventstore.VerificationResult;

/** Verification of the hash-chained log, and digests that an auditor keeps outside the system. */
@RestController
@RequestMapping("/api/v1/audit")
public class VerificationController {

    private final ChainVerifier verifier;
    private final Clock clock;
    private final id.sakip.ledger.eventstore.LedgerMetrics metrics;

    public VerificationController(ChainVerifier verifier, Clock clock, id.sakip.ledger.eventstore.LedgerMetrics metrics) {
        this.verifier = verifier;
        this.clock = clock;
        this.metrics = metrics;
    }

    private VerificationResult measured(VerificationResult result) {
        metrics.verified(result.durationMillis(), result.verified());
        return result;
    }

    @GetMapping("/verify")
    public VerificationResult verify() {
        return measured(verifier.verify());
    }

    /** Verifies the log and that it still extends a digest saved earlier. */
    @PostMapping("/verify")
    public VerificationResult verify(@RequestBody LedgerDigest digest) {
        return measured(verifier.verify(digest));
    }

    /** The current head as a digest to keep outside the system; taken after a full verification. */
    @GetMapping("/digest")
    public LedgerDigest digest() {
        VerificationResult result = verifier.verify();
        if (!result.verified()) {
            throw new IllegalStateException("the log does not verify: " + result.reason());
        }
        return new LedgerDigest(result.headSequence(), result.headHash(), clock.instant().toString());
    }
}
