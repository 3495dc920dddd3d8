package id.sakip.ledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A processor's token reaches the store only after the read models have written what its batch folded. */
class MongoTokenStoreTest {

    @TempDir
    Path dir;
    TestStore store;
    MongoTokenStore tokens;

    @BeforeEach
    void open() {
        store = TestStore.embedded(dir);
        tokens = new MongoTokenStore(store.database(), TestEvents.serializer(), Clock.systemUTC(),
                Duration.ofMinutes(1), "node-a");
        tokens.initializeTokenSegments("books", 1, new GlobalSequenceTrackingToken(10));
        tokens.fetchToken("books", 0);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aTokenStoredWhileABatchPreparesToCommitIsWrittenAfterTheReadModelsFlush() {
        List<TrackingToken> seenByTheFlush = new ArrayList<>();
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("event"));
        batch.onPrepareCommit(u -> tokens.storeToken(new GlobalSequenceTrackingToken(20), "books", 0));
        batch.onPrepareCommit(u -> seenByTheFlush.add(tokens.fetchToken("books", 0)));
        batch.commit();

        assertThat(seenByTheFlush).containsExactly(new GlobalSequenceTrackingToken(10));
        assertThat(tokens.fetchToken("books", 0)).isEqualTo(new GlobalSequenceTrackingToken(20));
    }

    @Test
    void aBatchRolledBackBeforeItsCommitLeavesTheTokenWhereItWas() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("event"));
        batch.onPrepareCommit(u -> tokens.storeToken(new GlobalSequenceTrackingToken(20), "books", 0));
        batch.onPrepareCommit(u -> {
            throw new IllegalStateException("the read model could not be written");
        });
        assertThatThrownBy(batch::commit).hasMessageContaining("read model");

        assertThat(tokens.fetchToken("books", 0)).isEqualTo(new GlobalSequenceTrackingToken(10));
    }

    @Test
    void aTokenStoredOutsideABatchIsWrittenAtOnce() {
        tokens.storeToken(new GlobalSequenceTrackingToken(30), "books", 0);
        assertThat(tokens.fetchToken("books", 0)).isEqualTo(new GlobalSequenceTrackingToken(30));
    }

    @Test
    void aNodeStartingTheEmbeddedStoreTakesBackTheSegmentsOfTheRunThatEndedWithIt() {
        MongoTokenStore next = new MongoTokenStore(store.database(), TestEvents.serializer(), Clock.systemUTC(),
                Duration.ofMinutes(1), "node-b");
        assertThatThrownBy(() -> next.fetchToken("books", 0))
                .isInstanceOf(org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException.class);

        next.releaseClaimsOfEndedRuns();

        assertThat(next.fetchToken("books", 0)).isEqualTo(new GlobalSequenceTrackingToken(10));
    }
}
