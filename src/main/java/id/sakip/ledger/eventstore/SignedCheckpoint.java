package id.sakip.ledger.eventstore;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A head of the log signed by the ledger's key: the commit {@code [first, sequence]} had hash {@code hash} at
 * {@code time}. Kept outside the store, it proves what the log held even to someone who can rewrite the store.
 */
public record SignedCheckpoint(long first, long sequence, String hash, String time, String keyId, String signature) {

    private static final String VERSION = "ledger-checkpoint/v1";

    /** The exact text that is signed. */
    @JsonIgnore
    public String signedText() {
        return VERSION + "\nfirst=" + first + "\nsequence=" + sequence + "\nhash=" + hash + "\ntime=" + time
                + "\nkey=" + keyId + "\n";
    }

    SignedCheckpoint withSignature(String base64) {
        return new SignedCheckpoint(first, sequence, hash, time, keyId, base64);
    }

    /** Whether {@code key} signed exactly this checkpoint. */
    public boolean signedBy(PublicKey key) {
        if (signature == null || hash == null || time == null || !CheckpointSigner.keyIdOf(key).equals(keyId)) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(CheckpointSigner.ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signedText().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
