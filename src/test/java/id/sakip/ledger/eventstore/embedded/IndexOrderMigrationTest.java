package id.sakip.ledger.eventstore.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A store file written by mongo-java-server's own H2 backend (index keys in serialised order,
 * documents Java-serialised) opens in the ledger's store with every document found through its
 * indexes, equal to what was written, and every unique key still enforced.
 */
class IndexOrderMigrationTest {

    @TempDir
    Path dir;

    private final List<String> ids = new ArrayList<>();
    private final List<Long> codes = new ArrayList<>();

    @Test
    void storeWrittenWithTheOriginalKeyOrderIsResortedAndKeepsItsUniqueKeys() {
        Path file = dir.resolve(EmbeddedMongoStore.FILE_NAME);
        writeWithOriginalBackend(file);

        assertThat(missesInTypedOrderWithoutMigration(file))
                .as("the old file's index order differs from the typed order, so it must be re-sorted")
                .isPositive();

        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> books = client.getDatabase("ledger").getCollection("books");
            assertEveryDocumentFoundAndKeysUnique(books);
            books.insertOne(new Document("_id", "after-migration").append("code", -1L));
        }
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> books = client.getDatabase("ledger").getCollection("books");
            assertEveryDocumentFoundAndKeysUnique(books);
            assertThat(books.find(Filters.eq("_id", "after-migration")).first()).isNotNull();
        }
    }

    @Test
    void resortingAgainAfterAnInterruptedRunGivesTheSameIndexes() {
        Path file = dir.resolve(EmbeddedMongoStore.FILE_NAME);
        MVStore mv = oldFormatFile(file);
        IndexOrderMigration.migrate(mv);
        mv.<String, String>openMap(IndexOrderMigration.FORMAT_MAP).remove(IndexOrderMigration.KEY_ORDER);
        mv.openMap("ledger.books._index__id_.resorting");
        mv.commit();
        mv.close();

        assertServedCompletelyWithoutLeftovers(file, ".resorting");
    }

    @Test
    void anUnmigratedStoreIsRefusedRatherThanServedWithMisplacedKeys() {
        Path file = dir.resolve(EmbeddedMongoStore.FILE_NAME);
        MVStore mv = oldFormatFile(file);
        assertThatThrownBy(() -> new DurableH2Backend(mv, name -> true))
                .hasMessageContaining("old format");
        mv.close();
    }

    @Test
    void aConversionCutShortResumesWithTheCollectionsNotYetMarkedConverted() {
        Path file = dir.resolve(EmbeddedMongoStore.FILE_NAME);
        MVStore mv = oldFormatFile(file);
        IndexOrderMigration.migrate(mv);
        DocumentFormatMigration.migrate(mv);
        // as if the crash came after every collection was converted but before the store was marked
        var format = mv.<String, String>openMap(IndexOrderMigration.FORMAT_MAP);
        format.remove(DocumentFormatMigration.DOCUMENTS);
        for (String name : mv.getMapNames()) {
            if (name.startsWith(LedgerH2Database.DATA_PREFIX)) {
                format.put("bson:" + name, DocumentFormatMigration.BSON);
            }
        }
        mv.openMap("databases.ledger.books.converting");
        mv.commit();
        mv.close();

        assertServedCompletelyWithoutLeftovers(file, ".converting");
    }

    /** Opens the store (upgrading it), checks every document and key, then that no copy or mark is left. */
    private void assertServedCompletelyWithoutLeftovers(Path file, String copySuffix) {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            assertEveryDocumentFoundAndKeysUnique(client.getDatabase("ledger").getCollection("books"));
        }
        MVStore reopened = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        assertThat(reopened.getMapNames()).noneMatch(n -> n.endsWith(copySuffix));
        assertThat(reopened.<String, String>openMap(IndexOrderMigration.FORMAT_MAP).keySet())
                .noneMatch(k -> k.startsWith("bson:"));
        reopened.close();
    }

    /** A store file written by mongo-java-server's own backend, opened as the ledger opens it, unmigrated. */
    private MVStore oldFormatFile(Path file) {
        writeWithOriginalBackend(file);
        return new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
    }

    private void writeWithOriginalBackend(Path file) {
        Random random = new Random(7);
        H2Backend backend = new H2Backend(new MVStore.Builder().fileName(file.toString()).open());
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> books = client.getDatabase("ledger").getCollection("books");
            books.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                StringBuilder id = new StringBuilder();
                int length = 1 + random.nextInt(14);
                for (int c = 0; c < length; c++) {
                    id.append((char) ('a' + random.nextInt(26)));
                }
                String key = id + "-" + i;
                long code = (i % 2 == 0 ? 1 : -1) * (long) i * 7919;
                ids.add(key);
                codes.add(code);
                docs.add(new Document("_id", key).append("code", code).append("n", i));
            }
            books.insertMany(docs);
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }

    private long missesInTypedOrderWithoutMigration(Path file) {
        MVStore mv = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            MVMap<KeyValue, Object> index = mv.openMap("ledger.books._index__id_", LedgerH2Database.indexMapType());
            return ids.stream().filter(id -> index.get(new KeyValue(id)) == null).count();
        } finally {
            mv.close();
        }
    }

    private void assertEveryDocumentFoundAndKeysUnique(MongoCollection<Document> books) {
        for (int i = 0; i < ids.size(); i++) {
            Document d = books.find(Filters.eq("_id", ids.get(i))).first();
            assertThat(d).as(ids.get(i)).isNotNull();
            assertThat(d.getInteger("n")).isEqualTo(i);
            assertThat(books.find(Filters.eq("code", codes.get(i))).first()).as("code " + codes.get(i))
                    .isNotNull();
        }
        assertThatThrownBy(() -> books.insertOne(new Document("_id", ids.get(3)).append("code", 1L)))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> books.insertOne(new Document("_id", "fresh").append("code", codes.get(5))))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
    }
}
