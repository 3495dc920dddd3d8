package id.sakip.ledger.eventstore.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** Rewriting whole maps of the store file into another map type, for the one-time format upgrades. */
final class StoreMaps {

    private StoreMaps() {
    }

    /** Removes the copies an interrupted upgrade left behind, and lists the maps still to convert. */
    static List<String> toConvert(MVStore store, String copySuffix, Predicate<String> wanted) {
        List<String> names = new ArrayList<>();
        for (String name : store.getMapNames()) {
            if (name.endsWith(copySuffix)) {
                store.removeMap(name);
            } else if (wanted.test(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * Replaces a map by a copy of its entries in a map of the given type, reading the old one in file
     * order (so without comparing its keys, which may be in either of the forms {@link TypedKeyOrder}
     * reads); returns how many entries were copied. Not committed.
     */
    @SuppressWarnings("unchecked")
    static <K, V> long replaceWithCopy(MVStore store, String name, String copySuffix, MVMap.Builder<K, V> type) {
        MVMap<Object, Object> old = store.openMap(name, new MVMap.Builder<Object, Object>().keyType(new TypedKeyOrder()));
        MVMap<K, V> copy = store.openMap(name + copySuffix, type);
        long entries = 0;
        for (Map.Entry<Object, Object> e : old.entrySet()) {
            copy.put((K) e.getKey(), (V) e.getValue());
            entries++;
        }
        store.removeMap(old);
        store.renameMap(copy, name);
        return entries;
    }
}
