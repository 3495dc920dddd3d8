package id.sakip.ledger.eventstore.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read that runs longer than the store's chunk retention, while every document is rewritten and
 * the file compacted, still reads the tree it started on: the store pins that version for the read.
 */
class LongReadTest {

    private static final int ENTRIES = 30_000;

    @TempDir
    Path dir;

    @Test
    void aPinnedReadSeesItsWholeTreeWhileEverythingIsRewrittenAndCompacted() {
        DurableH2Backend backend = DurableH2Backend.open(dir.resolve("pinned.mv.db").toString(), name -> true);
        try {
            MVStore store = backend.getMvStore();
            MVMap<Long, String> map = fill(store);
            long seen = backend.whilePinned(() -> readWhileRewriting(store, map));
            assertThat(seen).isEqualTo(ENTRIES);
        } finally {
            backend.close();
        }
    }

    @Test
    void withoutThePinTheSameReadLosesItsChunks() {
        MVStore store = new MVStore.Builder().fileName(dir.resolve("unpinned.mv.db").toString())
                .autoCommitDisabled().compress().open();
        try {
            MVMap<Long, String> map = fill(store);
            assertThatThrownBy(() -> readWhileRewriting(store, map)).isInstanceOf(MVStoreException.class)
                    .hasMessageContaining("not found");
        } finally {
            store.closeImmediately();
        }
    }

    private static MVMap<Long, String> fill(MVStore store) {
        // no retention: a chunk no version needs is reused at once, so the test need not wait for it
        store.setRetentionTime(0);
        MVMap<Long, String> map = store.openMap("long_read");
        for (long i = 0; i < ENTRIES; i++) {
            map.put(i, "x".repeat(400) + i);
            if (i % 1_000 == 0) {
                store.commit();
            }
        }
        store.commit();
        return map;
    }

    /** Reads the map in steps; between them every entry is rewritten, committed and compacted. */
    private static long readWhileRewriting(MVStore store, MVMap<Long, String> map) {
        Iterator<Map.Entry<Long, String>> it = map.entrySet().iterator();
        long seen = 0;
        for (int round = 0; round < 4; round++) {
            for (int k = 0; k < 2_000 && it.hasNext(); k++) {
                it.next();
                seen++;
            }
            for (long i = 0; i < ENTRIES; i++) {
                map.put(i, "y".repeat(400) + round + i);
                if (i % 5_000 == 0) {
                    store.commit();
                }
            }
            store.commit();
            store.compact(80, 16 * 1024 * 1024);
            store.commit();
        }
        while (it.hasNext()) {
            it.next();
            seen++;
        }
        return seen;
    }
}
