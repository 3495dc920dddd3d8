package id.sakip.ledger.eventstore;

import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import id.sakip.ledger.eventstore.embedded.EmbeddedMongoStore;

/**
 * A database for one test: the in-process mongo-java-server with its H2 file, or, when
 * {@code LEDGER_TEST_MONGO_URI} is set, a fresh database on that external MongoDB.
 */
final class TestStore implements AutoCloseable {

    static final String EXTERNAL_URI_VARIABLE = "LEDGER_TEST_MONGO_URI";

    private final EmbeddedMongoStore embedded;
    private final MongoClient client;
    private final String databaseName;
    private final boolean dropOnClose;

    private TestStore(EmbeddedMongoStore embedded, MongoClient client, String databaseName, boolean dropOnClose) {
        this.embedded = embedded;
        this.client = client;
        this.databaseName = databaseName;
        this.dropOnClose = dropOnClose;
    }

    static TestStore embedded(Path dataDir) {
        EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir, "127.0.0.1", 0);
        return new TestStore(store, MongoClients.create(store.connectionString()), "ledger", false);
    }

    /** The in-process store on the H2 file {@code h2FileName}, which may name a test file system. */
    static TestStore embeddedOnFile(String h2FileName) {
        EmbeddedMongoStore store = EmbeddedMongoStore.start(h2FileName, "127.0.0.1", 0, java.util.List.of());
        return new TestStore(store, MongoClients.create(store.connectionString()), "ledger", false);
    }

    /** The in-process store behind this database, or null on an external MongoDB. */
    EmbeddedMongoStore embeddedStore() {
        return embedded;
    }

    static TestStore external(String uri) {
        return new TestStore(null, MongoClients.create(uri), "ledger_test_" + UUID.randomUUID().toString()
                .replace("-", ""), true);
    }

    MongoDatabase database() {
        return client.getDatabase(databaseName);
    }

    /** A second client to the same database, as a second application instance would have. */
    MongoDatabase secondClientDatabase(java.util.List<MongoClient> toClose) {
        MongoClient second = MongoClients.create(embedded != null ? embedded.connectionString()
                : System.getenv(EXTERNAL_URI_VARIABLE));
        toClose.add(second);
        return second.getDatabase(databaseName);
    }

    LedgerEventStorageEngine engine(CommitLog log) {
        return engine(log, NoOpEventUpcaster.INSTANCE);
    }

    LedgerEventStorageEngine engine(CommitLog log, EventUpcaster upcaster) {
        return LedgerEventStorageEngine.builder().commitLog(log).database(database())
                .eventSerializer(TestEvents.serializer()).snapshotSerializer(TestEvents.serializer())
                .upcasterChain(upcaster).build();
    }

    CommitLog commitLog() {
        return new CommitLog(database(), Clock.systemUTC());
    }

    @Override
    public void close() {
        if (dropOnClose) {
            database().drop();
        }
        client.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
