package id.sakip.ledger.eventstore.embedded;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;

/** mongo-java-server's H2 database with its unique indexes ordered by {@link TypedKeyOrder}. */
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

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        MVStore mvStore = store != null ? store : OPENING.get();
        MVMap<KeyValue, Object> map = mvStore.openMap(
                indexMapName(getFullCollectionNamespace(collectionName), indexName), indexMapType());
        return new TypedUniqueIndex(map, indexName, keys, sparse);
    }
}
