package id.sakip.ledger.eventstore.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the checkpoint signing key and the signed checkpoints live, and how often a checkpoint is signed.
 * Both files belong outside the store and outside its data directory; by default they are in the folder
 * beside it whose name ends in {@code -signing} (for {@code ./data}: {@code ./data-signing/}).
 *
 * @param keyFile        the Ed25519 key pair in PEM, created on the first start ({@code LEDGER_SIGNING_KEY_FILE})
 * @param checkpointFile the signed checkpoints, one JSON line each ({@code LEDGER_SIGNING_CHECKPOINT_FILE})
 * @param everyCommits   a checkpoint after this many commits of this instance
 * @param every          and at least this often while there are new commits
 */
@ConfigurationProperties("ledger.signing")
public record SigningProperties(Path keyFile, Path checkpointFile, @DefaultValue("100") int everyCommits,
                                @DefaultValue("1h") Duration every) {

    public Path keyFileBeside(Path dataDir) {
        return keyFile != null ? keyFile : besideDataDir(dataDir).resolve("signing-key.pem");
    }

    public Path checkpointFileBeside(Path dataDir) {
        return checkpointFile != null ? checkpointFile : besideDataDir(dataDir).resolve("checkpoints.jsonl");
    }

    private static Path besideDataDir(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        String name = dir.getFileName() == null ? "ledger" : dir.getFileName().toString();
        return dir.resolveSibling(name + "-signing");
    }
}
