package id.sakip.ledger.eventstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ledger's Ed25519 key for signing checkpoints, kept in a file outside the store and its data directory.
 * The file is created (readable by its owner only) on the first start and read on every later one.
 */
public final class CheckpointSigner {

    static final String ALGORITHM = "Ed25519";
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private CheckpointSigner(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = keyIdOf(publicKey);
    }

    /** Reads the key file, or creates it with a new key pair when it does not exist yet. */
    public static CheckpointSigner open(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                create(keyFile);
            }
            String text = Files.readString(keyFile, StandardCharsets.US_ASCII);
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(block(text, "PRIVATE KEY")));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(block(text, "PUBLIC KEY")));
            return new CheckpointSigner(privateKey, publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the signing key " + keyFile, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the signing key file " + keyFile + " holds no Ed25519 key pair", e);
        }
    }

    private static void create(Path keyFile) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        Path dir = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".signing-key", ".tmp");
        try {
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(tmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded())
                    + pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            try {
                Files.createLink(keyFile, tmp);
            } catch (FileAlreadyExistsException another) {
                // another instance created the key first; it is read instead
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Signs a checkpoint of the commit {@code [first, sequence]} with hash {@code hash}, taken at {@code time}. */
    public SignedCheckpoint sign(long first, long sequence, String hash, Instant time) {
        SignedCheckpoint unsigned = new SignedCheckpoint(first, sequence, hash, time.toString(), keyId, null);
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(unsigned.signedText().getBytes(StandardCharsets.UTF_8));
            return unsigned.withSignature(Base64.getEncoder().encodeToString(signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint", e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return keyId;
    }

    /** The public key in PEM ({@code -----BEGIN PUBLIC KEY-----}), for auditors to check checkpoints with. */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** Reads a public key from PEM text (as given by {@link #publicKeyPem()}). */
    public static PublicKey readPublicKey(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(block(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** The first 16 hex digits of the SHA-256 of the encoded public key. */
    public static String keyIdOf(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required by the JVM specification", e);
        }
    }

    private static byte[] block(String text, String type) {
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(type)) {
                return Base64.getMimeDecoder().decode(m.group(2).strip());
            }
        }
        throw new IllegalArgumentException("no " + type + " block");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
