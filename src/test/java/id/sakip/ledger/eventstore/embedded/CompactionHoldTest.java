package id.sakip.ledger.eventstore.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bulk work can hold the store's compaction off; it resumes when every hold is released, once each. */
class CompactionHoldTest {

    @TempDir
    Path dir;

    @Test
    void compactionWaitsWhileHeldAndResumesWhenEveryHoldIsReleased() throws Exception {
        DurableH2Backend backend = DurableH2Backend.open(dir.resolve("hold.mv.db").toString(), name -> true);
        try {
            AutoCloseable first = backend.holdCompaction();
            AutoCloseable second = backend.holdCompaction();
            long before = backend.compactions();
            backend.compactChunks();
            assertThat(backend.compactions()).isEqualTo(before);

            first.close();
            first.close();
            assertThat(backend.compactionHeld()).as("a handle released twice counts once").isTrue();
            backend.compactChunks();
            assertThat(backend.compactions()).isEqualTo(before);

            second.close();
            assertThat(backend.compactionHeld()).isFalse();
            backend.compactChunks();
            assertThat(backend.compactions()).isGreaterThan(before);
        } finally {
            backend.close();
        }
    }
}
