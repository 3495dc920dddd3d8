package id.sakip.ledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A unit of work is one commit document, and a document has to fit MongoDB's 16 MB limit and the
 * store's replies: a commit larger than {@link CommitLog#MAX_COMMIT_BYTES} is refused whole, before
 * anything is stored, and a large one below it is stored and read back.
 */
class CommitSizeLimitTest {

    @TempDir
    Path dataDir;

    private static List<DomainEventMessage<?>> megabyteEvents(String aggregate, int count) {
        String note = "x".repeat(1 << 20);
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new GenericDomainEventMessage<>("Counter", aggregate, i,
                    new TestEvents.CounterIncremented(aggregate, 1, note), MetaData.with("actorId", "tester")));
        }
        return events;
    }

    @Test
    void aCommitOverTheLimitIsRefusedWholeAndOneUnderItIsStored() throws Exception {
        try (TestStore store = TestStore.embedded(dataDir); CommitLog log = store.commitLog()) {
            LedgerEventStorageEngine engine = store.engine(log);

            assertThatThrownBy(() -> engine.appendEvents(megabyteEvents("big", 13)))
                    .isInstanceOf(CommitLog.CommitTooLarge.class).hasMessageContaining("13 events");
            assertThat(log.headSequence()).as("events stored of the refused commit").isZero();

            engine.appendEvents(megabyteEvents("large", 10));
            assertThat(log.headSequence()).isEqualTo(10);
            assertThat(engine.readEvents("large").asStream().count()).isEqualTo(10);
        }
    }

    @Test
    void theQuickBoundOfACommitsSizeIsNeverBelowItsUtf8SizeSoNoCommitOverTheLimitSlipsThrough() {
        for (String text : List.of("Belanja ATK", "Kécamatan", "\u4e2d\u6587\u6587\u4ef6", "\ud83d\udcb0 dana",
                "\u00e9\u4e2d\ud83d\ude00", "")) {
            List<StoredEvent> events = List.of(new StoredEvent("id-" + text, "Budget", "agg-" + text, 0,
                    "Recorded", "1", "2025-01-01T00:00:00Z", "{\"note\":\"" + text + "\"}", "{\"by\":\"" + text + "\"}"));
            assertThat(CommitLog.mostBytes(events)).as(text).isGreaterThanOrEqualTo(CommitLog.approximateBytes(events));
        }
    }
}
