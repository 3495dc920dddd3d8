package id.sakip.ledger.eventstore.embedded;

import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * The key order of the embedded store's unique indexes. mongo-java-server's H2 backend orders index
 * keys with H2's generic type, which Java-serialises both keys on every comparison (its keys are not
 * {@link Comparable}); a lookup in a 100 000-entry index serialised about 34 objects. This order
 * compares the key values directly: by class, then by their natural order, and only values of a
 * class without one (sub-documents, lists) by their serialised bytes as before. The file format of
 * the keys is unchanged; only their order in the tree differs, so stores written with the old order
 * are re-sorted once when opened ({@link IndexOrderMigration}).
 */
final class TypedKeyOrder extends ObjectDataType {

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue x && b instanceof KeyValue y) {
            return compareKeys(x, y);
        }
        return super.compare(a, b);
    }

    static int compareKeys(KeyValue x, KeyValue y) {
        int common = Math.min(x.size(), y.size());
        for (int i = 0; i < common; i++) {
            int c = compareValues(x.get(i), y.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null) {
            return -1;
        }
        if (b == null) {
            return 1;
        }
        Class<?> ca = a.getClass();
        Class<?> cb = b.getClass();
        if (ca != cb) {
            return ca.getName().compareTo(cb.getName());
        }
        if (a instanceof Comparable comparable) {
            return comparable.compareTo(b);
        }
        return compareNotNull(serialize(a), serialize(b));
    }
}
