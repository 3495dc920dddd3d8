package id.sakip.ledger.eventstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The file of signed checkpoints, one JSON object a line, appended to and never rewritten. Reading it checks
 * each line's signature with the ledger's public key; a line that does not carry a valid one is reported.
 */
public final class SignedCheckpoints {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final PublicKey key;
    /** Lines read before with what they held, so a long file's signatures are checked once, not at every read. */
    private final List<String> readLines = new ArrayList<>();
    private final List<Object> readOutcomes = new ArrayList<>();

    public SignedCheckpoints(Path file, PublicKey key) {
        this.file = file;
        this.key = key;
    }

    public Path file() {
        return file;
    }

    public PublicKey key() {
        return key;
    }

    /** Appends a checkpoint and returns once it is on disk. */
    public synchronized void append(SignedCheckpoint checkpoint) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            byte[] line = (JSON.writeValueAsString(checkpoint) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(ByteBuffer.wrap(line));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the checkpoint file " + file, e);
        }
    }

    /** Every line of the file: the validly signed checkpoints in sequence order, and what is wrong with the rest. */
    public synchronized Reading read() {
        if (!Files.exists(file)) {
            return new Reading(List.of(), List.of());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint file " + file, e);
        }
        List<SignedCheckpoint> valid = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String keyId = CheckpointSigner.keyIdOf(key);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Object outcome;
            if (i < readLines.size() && readLines.get(i).equals(line)) {
                outcome = readOutcomes.get(i);
            } else {
                outcome = line.isBlank() ? null : check(line, i + 1, keyId);
                if (i < readLines.size()) {
                    readLines.subList(i, readLines.size()).clear();
                    readOutcomes.subList(i, readOutcomes.size()).clear();
                }
                readLines.add(line);
                readOutcomes.add(outcome);
            }
            if (outcome instanceof SignedCheckpoint c) {
                valid.add(c);
            } else if (outcome != null) {
                problems.add((String) outcome);
            }
        }
        valid.sort(Comparator.comparingLong(SignedCheckpoint::sequence));
        return new Reading(List.copyOf(valid), List.copyOf(problems));
    }

    /** The checkpoint on this line if it is validly signed, else what is wrong with the line. */
    private Object check(String line, int number, String keyId) {
        try {
            SignedCheckpoint c = JSON.readValue(line, SignedCheckpoint.class);
            if (!keyId.equals(c.keyId())) {
                return "line " + number + " names key " + c.keyId() + ", not the ledger's key " + keyId;
            }
            if (!c.signedBy(key)) {
                return "line " + number + " (sequence " + c.sequence() + ") does not carry a valid signature of key "
                        + keyId;
            }
            return c;
        } catch (JsonProcessingException e) {
            return "line " + number + " is not a checkpoint";
        }
    }

    /**
     * The checkpoint file as read.
     *
     * @param valid    checkpoints with a valid signature, by sequence
     * @param problems one sentence per line that is not a validly signed checkpoint
     */
    public record Reading(List<SignedCheckpoint> valid, List<String> problems) {

        public SignedCheckpoint latest() {
            return valid.isEmpty() ? null : valid.get(valid.size() - 1);
        }
    }
}
