package id.sakip.ledger.eventstore.embedded;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The H2 backend's collection, except that documents a unique index found for {@code {field: {$in: [...]}}}
 * are not matched against that list again. mongo-java-server does match them again, one list element at a
 * time, so a find of n {@code _id}s (how the log and the books are read) cost n² comparisons: a fifth of
 * the store's time in a rebuild. The index looked each value up by the same equality the matcher uses, so
 * what it found is exactly what matches; the shortcut is taken only for lists of strings and of integers
 * that doubles represent exactly, where that equality is plain equality. A document several list values
 * found is answered once, as MongoDB does.
 * <p>
 * It does not keep the collection's data size for {@code collStats}, which nothing of the ledger reads: the
 * count cost two BSON encodings of the whole document (before and after) and a write of the collection's
 * meta map on every update, a seventh of the store's time when the read models replace their books.
 */
final class LedgerH2Collection extends H2Collection {

    /** Integers up to this size are compared as doubles without loss. */
    private static final long EXACT_DOUBLE = 1L << 53;
    private static final Document MATCH_ALL = new Document();

    LedgerH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                       MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors) {
        super(database, collectionName, options, dataMap, metaMap, cursors);
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    /** Called only with the positions of an index that could answer {@code query} on its own. */
    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy,
                                         int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        Document match = isExactInList(query) ? MATCH_ALL : query;
        return super.matchDocuments(match, distinct(positions), orderBy, numberToSkip, limit, batchSize,
                fieldSelector);
    }

    /**
     * Each position once, in the index's order. A multikey index gives a document's position once per list
     * value it holds, so {@code keys $in} over many events of one commit would answer that commit as often;
     * MongoDB answers each matching document once.
     */
    static Iterable<Object> distinct(Iterable<Object> positions) {
        Set<Object> seen = new LinkedHashSet<>();
        positions.forEach(seen::add);
        return seen;
    }

    /** True for {@code {field: {$in: [v, ...]}}} with only strings and exactly representable integers. */
    static boolean isExactInList(Document query) {
        if (query.size() != 1 || !(query.values().iterator().next() instanceof Document condition)
                || condition.size() != 1 || !(condition.get("$in") instanceof Collection<?> values)
                || values.isEmpty()) {
            return false;
        }
        for (Object value : values) {
            if (!(value instanceof String || isExactInteger(value))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isExactInteger(Object value) {
        if (value instanceof Integer) {
            return true;
        }
        return value instanceof Long l && Math.abs(l) <= EXACT_DOUBLE;
    }
}
