package id.sakip.ledger.eventstore;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import id.sakip.ledger.eventstore.embedded.EmbeddedMongoStore;

/**
 * Command-line modes that work without the running application, so that an auditor can check a
 * backup: {@code verify [--uri=mongodb://…] [--data-dir=DIR] [--database=ledger] [--digest=FILE]
 * [--checkpoints=FILE --public-key=FILE]}. With the checkpoint file and the ledger's public key it also checks
 * the log against every signed checkpoint. Exit code 0 when the log verifies (and extends the digest and the
 * checkpoints), 1 when it does not, 2 on bad usage.
 */
public final class LedgerCli {

    private LedgerCli() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && "verify".equals(args[0]);
    }

    public static int run(String[] args, PrintStream out) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || !a.contains("=")) {
                return usage(out);
            }
            options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        if (options.containsKey("checkpoints") != options.containsKey("public-key")) {
            return usage(out);
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        String uri = options.getOrDefault("uri", System.getenv().getOrDefault("LEDGER_MONGO_URI", ""));
        String database = options.getOrDefault("database", "ledger");
        EmbeddedMongoStore store = null;
        try {
            LedgerDigest digest = null;
            if (options.containsKey("digest")) {
                digest = json.readValue(Files.readString(Path.of(options.get("digest"))), LedgerDigest.class);
            }
            SignedCheckpoints checkpoints = null;
            if (options.containsKey("checkpoints")) {
                checkpoints = new SignedCheckpoints(Path.of(options.get("checkpoints")),
                        CheckpointSigner.readPublicKey(Files.readString(Path.of(options.get("public-key")))));
            }
            if (uri.isBlank()) {
                store = EmbeddedMongoStore.start(Path.of(options.getOrDefault("data-dir", "./data")), "127.0.0.1", 0);
                uri = store.connectionString();
            }
            try (MongoClient client = MongoClients.create(uri)) {
                MongoDatabase db = client.getDatabase(database);
                ChainVerifier chain = new ChainVerifier(db);
                if (checkpoints == null) {
                    VerificationResult result = chain.verify(digest);
                    out.println(json.writeValueAsString(result));
                    return result.verified() ? 0 : 1;
                }
                SignedVerification result = new CheckpointVerifier(db, chain, checkpoints).verify(digest);
                out.println(json.writeValueAsString(result));
                return result.verified() ? 0 : 1;
            }
        } catch (IOException e) {
            out.println("cannot read the digest, the checkpoint file or the public key: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            out.println("the public key file holds no Ed25519 public key in PEM: " + e.getMessage());
            return 2;
        } finally {
            if (store != null) {
                store.close();
            }
        }
    }

    private static int usage(PrintStream out) {
        out.println("usage: verify [--uri=mongodb://host/] [--data-dir=./data] [--database=ledger] "
                + "[--digest=digest.json] [--checkpoints=checkpoints.jsonl --public-key=ledger.pem]");
        return 2;
    }
}
