package id.sakip.ledger.eventstore.embedded;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server's H2 database with its unique indexes ordered by {@link TypedKeyOrder}, its
 * documents kept as BSON ({@link BsonDocumentType}) and {@code $in} finds answered by the index alone
 * ({@link LedgerH2Collection}).
 */
final class LedgerH2Database extends H2Database {

    /** The store while the superclass constructor opens the existing indexes, before our field is set. */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private final MVStore store;

    private LedgerH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
        this.store = store;
    }

    static LedgerH2Database open(String name, MVStore store, CursorRegistry cursors) {
        OPENING.set(store);
        try {
            return new LedgerH2Database(name, store, cursors);
        } finally {
            OPENING.remove();
        }
    }

    /** The MVStore map name the H2 backend gives an index (kept, so existing files and drops agree). */
    static String indexMapName(String fullCollectionName, String indexName) {
        return fullCollectionName + INDEX_INFIX + indexName;
    }

    static final String INDEX_INFIX = "._index_";

    static MVMap.Builder<KeyValue, Object> indexMapType() {
        return new MVMap.Builder<KeyValue, Object>().keyType(new TypedKeyOrder());
    }

    static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";

    static MVMap.Builder<Object, Document> dataMapType() {
        return new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType());
    }

    /** As the H2 backend does, with documents kept as BSON ({@link BsonDocumentType}) in a {@link LedgerH2Collection}. */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> data = store().openMap(DATA_PREFIX + fullName, dataMapType());
        MVMap<String, Object> meta = store().openMap(META_PREFIX + fullName);
        return new LedgerH2Collection(this, collectionName, options, data, meta, cursorRegistry);
    }

    private MVStore store() {
        return store != null ? store : OPENING.get();
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        MVMap<KeyValue, Object> map = store().openMap(
                indexMapName(getFullCollectionNamespace(collectionName), indexName), indexMapType());
        return new TypedUniqueIndex(map, indexName, keys, sparse);
    }
}
