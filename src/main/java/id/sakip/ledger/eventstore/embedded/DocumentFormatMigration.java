package id.sakip.ledger.eventstore.embedded;

import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts the collections of a store file written by mongo-java-server's H2 backend (documents
 * Java-serialised) to BSON ({@link BsonDocumentType}), once, before the store serves. Each collection
 * is copied into a new map that then replaces it, and the collection is marked converted in the same
 * file commit, so a conversion cut short by a crash resumes with the collections not yet marked.
 */
final class DocumentFormatMigration {

    private static final Logger log = LoggerFactory.getLogger(DocumentFormatMigration.class);

    static final String DOCUMENTS = "document-format";
    static final String BSON = "bson-v1";
    private static final String CONVERTED = "bson:";
    private static final String COPY_SUFFIX = ".converting";

    private DocumentFormatMigration() {
    }

    static boolean isBson(MVStore store) {
        return BSON.equals(store.<String, String>openMap(IndexOrderMigration.FORMAT_MAP).get(DOCUMENTS));
    }

    static void migrate(MVStore store) {
        MVMap<String, String> format = store.openMap(IndexOrderMigration.FORMAT_MAP);
        if (BSON.equals(format.get(DOCUMENTS))) {
            return;
        }
        List<String> collections = StoreMaps.toConvert(store, COPY_SUFFIX,
                name -> name.startsWith(LedgerH2Database.DATA_PREFIX) && format.get(CONVERTED + name) == null);
        long start = System.nanoTime();
        long documents = 0;
        for (String name : collections) {
            documents += StoreMaps.replaceWithCopy(store, name, COPY_SUFFIX, LedgerH2Database.dataMapType());
            format.put(CONVERTED + name, BSON);
            store.commit();
        }
        for (String key : new ArrayList<>(format.keySet())) {
            if (key.startsWith(CONVERTED)) {
                format.remove(key);
            }
        }
        format.put(DOCUMENTS, BSON);
        store.commit();
        if (!collections.isEmpty()) {
            log.info("Converted {} collections ({} documents) of the embedded store to BSON in {} ms",
                    collections.size(), documents, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
