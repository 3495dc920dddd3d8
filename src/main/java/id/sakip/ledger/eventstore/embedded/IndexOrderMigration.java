package id.sakip.ledger.eventstore.embedded;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Re-sorts the unique indexes of a store file written with mongo-java-server's original key order
 * into {@link TypedKeyOrder}, once, before the store serves. Each index is copied into a new map,
 * which then replaces it, with a file commit per index. Copying reads the entries in file order and
 * never compares keys in the old order, so an index copied already, or a copy cut short by a crash,
 * is simply copied again on the next start; the documents themselves are not touched.
 */
final class IndexOrderMigration {

    private static final Logger log = LoggerFactory.getLogger(IndexOrderMigration.class);

    /** Holds the store's format marker; a name no database or collection map can have. */
    static final String FORMAT_MAP = "_ledger_store_format";
    static final String KEY_ORDER = "index-key-order";
    static final String TYPED = "typed-v1";
    private static final String COPY_SUFFIX = ".resorting";

    private IndexOrderMigration() {
    }

    /** True when the store's indexes are (or, being empty, may be taken to be) in {@link TypedKeyOrder}. */
    static boolean isTyped(MVStore store) {
        return TYPED.equals(store.<String, String>openMap(FORMAT_MAP).get(KEY_ORDER));
    }

    static void migrate(MVStore store) {
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        if (TYPED.equals(format.get(KEY_ORDER))) {
            return;
        }
        List<String> indexes = StoreMaps.toConvert(store, COPY_SUFFIX,
                name -> name.contains(LedgerH2Database.INDEX_INFIX));
        long start = System.nanoTime();
        long entries = 0;
        for (String name : indexes) {
            entries += StoreMaps.replaceWithCopy(store, name, COPY_SUFFIX, LedgerH2Database.indexMapType());
            store.commit();
        }
        format.put(KEY_ORDER, TYPED);
        store.commit();
        if (!indexes.isEmpty()) {
            log.info("Re-sorted {} unique indexes ({} entries) of the embedded store in {} ms", indexes.size(),
                    entries, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
