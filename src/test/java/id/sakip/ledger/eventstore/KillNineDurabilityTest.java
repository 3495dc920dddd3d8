package id.sakip.ledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every append acknowledged by the embedded store survives {@code kill -9} of the JVM that made it:
 * a child JVM appends from four threads, is killed with SIGKILL mid-stream, and the file is reopened.
 */
class KillNineDurabilityTest {

    private static final int ACKS_BEFORE_KILL = 3_000;

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedAppendSurvivesSigkill() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KillNineAppender.class.getName(),
                dataDir.toString(), "4")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        CountDownLatch enough = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("ACK ")) {
                        acknowledged.add(line.substring(4));
                        if (acknowledged.size() >= ACKS_BEFORE_KILL) {
                            enough.countDown();
                        }
                    }
                }
            } catch (Exception ignored) {
                // the pipe breaks when the child is killed
            }
        });
        reader.start();
        boolean reached = enough.await(120, TimeUnit.SECONDS);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        assertThat(reached).as("the child acknowledged %d appends", acknowledged.size()).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        try (TestStore store = TestStore.embedded(dataDir)) {
            try (CommitLog log = store.commitLog()) {
                LedgerEventStorageEngine engine = store.engine(log);
                List<? extends TrackedEventMessage<?>> stored;
                try (var stream = engine.readEvents(null, false)) {
                    stored = stream.toList();
                }
                Set<String> storedIds = new HashSet<>();
                stored.forEach(e -> storedIds.add(e.getIdentifier()));
                assertThat(storedIds).as("no event stored twice").hasSize(stored.size());
                Set<String> lost = new HashSet<>(acknowledged);
                lost.removeAll(storedIds);
                assertThat(lost).as("acknowledged but lost, of %d acknowledged", acknowledged.size()).isEmpty();
                VerificationResult result = new ChainVerifier(store.database()).verify();
                assertThat(result.verified()).as(result.toString()).isTrue();
                System.out.printf("kill -9: %d appends acknowledged before SIGKILL, %d events stored, 0 lost%n",
                        acknowledged.size(), stored.size());
            }
        }
    }
}
