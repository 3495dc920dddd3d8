package id.sakip.ledger.eventstore;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The outcome of verifying the log against its hash chain and the signed checkpoints: the chain's result
 * (broken at the first commit that no longer matches a checkpoint, too) and what the checkpoint file held.
 */
public record SignedVerification(@JsonUnwrapped VerificationResult result, CheckpointStatus checkpoints) {

    @JsonIgnore
    public boolean verified() {
        return result.verified();
    }
}
