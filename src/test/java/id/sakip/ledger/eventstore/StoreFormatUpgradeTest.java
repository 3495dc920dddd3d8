package id.sakip.ledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;

import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import id.sakip.ledger.eventstore.embedded.EmbeddedMongoStore;

/**
 * A log written by an earlier version (mongo-java-server's own H2 format: keys in serialised order,
 * documents Java-serialised) is upgraded on open without a stored byte of it changing: the hash chain
 * verifies with the same head hash, aggregates read back and appends go on.
 */
class StoreFormatUpgradeTest {

    @TempDir
    Path dir;

    @Test
    void aLogWrittenInTheOldStoreFormatVerifiesAfterTheUpgradeWithTheSameHeadHash() {
        Path file = dir.resolve(EmbeddedMongoStore.FILE_NAME);
        H2Backend backend = new H2Backend(new MVStore.Builder().fileName(file.toString()).open());
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        VerificationResult before;
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoDatabase db = client.getDatabase("ledger");
            CommitLog log = new CommitLog(db, Clock.systemUTC());
            LedgerEventStorageEngine engine = LedgerEventStorageEngine.builder().commitLog(log).database(db)
                    .eventSerializer(TestEvents.serializer()).snapshotSerializer(TestEvents.serializer())
                    .upcasterChain(NoOpEventUpcaster.INSTANCE).build();
            for (int c = 0; c < 20; c++) {
                engine.appendEvents(TestEvents.increments("U" + c, 0, 3));
            }
            before = new ChainVerifier(db).verify();
            log.close();
        } finally {
            server.shutdownNow();
            backend.close();
        }
        assertThat(before.verified()).isTrue();
        assertThat(before.events()).isEqualTo(60);

        try (TestStore store = TestStore.embedded(dir)) {
            VerificationResult after = new ChainVerifier(store.database()).verify();
            assertThat(after.verified()).as(after.reason()).isTrue();
            assertThat(after.headHash()).isEqualTo(before.headHash());
            assertThat(after.events()).isEqualTo(60);
            CommitLog log = store.commitLog();
            LedgerEventStorageEngine engine = store.engine(log);
            assertThat(engine.readEvents("U7").asStream().count()).isEqualTo(3);
            engine.appendEvents(TestEvents.increment("U7", 3, 1));
            assertThat(engine.readEvents("U7").asStream().count()).isEqualTo(4);
            assertThat(new ChainVerifier(store.database()).verify().verified()).isTrue();
            log.close();
        }
    }
}
