package id.sakip.ledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.model.Filters;

/** The storage-engine contract on the embedded default: mongo-java-server with its H2 file, via the real driver. */
class EmbeddedEventStorageEngineTest extends EventStorageEngineContract {

    @TempDir
    Path dataDir;

    @Override
    protected TestStore openStore() {
        return TestStore.embedded(dataDir);
    }

    @Test
    void dataSurvivesARestartAndAppendsContinueTheChain() {
        LedgerEventStorageEngine engine = newEngine();
        for (int c = 0; c < 30; c++) {
            engine.appendEvents(TestEvents.increments("R" + c, 0, 2));
        }
        List<String> before = readAll(engine).stream().map(TrackedEventMessage::getIdentifier).toList();
        reopen();
        LedgerEventStorageEngine afterRestart = newEngine();
        assertThat(readAll(afterRestart).stream().map(TrackedEventMessage::getIdentifier).toList()).isEqualTo(before);
        afterRestart.appendEvents(TestEvents.increment("R0", 2, 1));
        assertThat(readAll(afterRestart)).hasSize(61);
        VerificationResult result = new ChainVerifier(store.database()).verify();
        assertThat(result.verified()).as(result.toString()).isTrue();
        assertThat(result.headSequence()).isEqualTo(61L);
    }

    @Test
    void theHeadIsFoundAfterARestartEvenWithoutTheSavedHint() {
        LedgerEventStorageEngine engine = newEngine();
        for (int c = 0; c < 5; c++) {
            engine.appendEvents(TestEvents.increment("H" + c, 0, 1));
        }
        reopen();
        store.database().getCollection(CommitLog.META_COLLECTION).deleteMany(Filters.empty());
        LedgerEventStorageEngine afterRestart = newEngine();
        afterRestart.appendEvents(TestEvents.increment("H9", 0, 1));
        assertThat(readAll(afterRestart)).hasSize(6);
        assertThat(new ChainVerifier(store.database()).verify().verified()).isTrue();
    }

    private void reopen() {
        try {
            close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        open();
    }
}
