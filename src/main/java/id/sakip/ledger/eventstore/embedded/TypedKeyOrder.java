package id.sakip.ledger.eventstore.embedded;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * The key order of the embedded store's unique indexes. mongo-java-server's H2 backend orders index
 * keys with H2's generic type, which Java-serialises both keys on every comparison (its keys are not
 * {@link Comparable}); a lookup in a 100 000-entry index serialised about 34 objects. This order
 * compares the key values directly: by class, then by their natural order, and only values of a
 * class without one (sub-documents, lists) by their serialised bytes as before. Stores written with
 * the old order are re-sorted once when opened ({@link IndexOrderMigration}).
 * <p>
 * Keys made only of strings, numbers, booleans and nulls (every key of the ledger's indexes) are
 * written in a compact form behind the tag {@value #COMPACT}, which H2's own format never uses
 * as a first byte; other keys are Java-serialised by H2 as before. Java serialisation of each key
 * was the largest part of a file commit (every rewritten index page serialised all of its keys
 * with a fresh {@code ObjectOutputStream}). Both forms are read, so pages written before keep
 * their format until they are rewritten.
 */
final class TypedKeyOrder extends ObjectDataType {

    /** First byte of a key in the compact form; H2's {@link ObjectDataType} tags end at 119. */
    static final byte COMPACT = 127;
    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte DOUBLE = 2;
    private static final byte LONG = 3;
    private static final byte INTEGER = 4;
    private static final byte TRUE = 5;
    private static final byte FALSE = 6;
    private static final byte LATIN1 = 7;

    @Override
    public void write(WriteBuffer buffer, Object key) {
        if (!(key instanceof KeyValue values) || !isCompact(values)) {
            super.write(buffer, key);
            return;
        }
        buffer.put(COMPACT).putVarInt(values.size());
        for (Object value : values) {
            if (value == null) {
                buffer.put(NULL);
            } else if (value instanceof String s && isLatin1(s)) {
                buffer.put(LATIN1).putVarInt(s.length()).put(s.getBytes(StandardCharsets.ISO_8859_1));
            } else if (value instanceof String s) {
                buffer.put(STRING).putVarInt(s.length()).putStringData(s, s.length());
            } else if (value instanceof Double d) {
                buffer.put(DOUBLE).putLong(Double.doubleToRawLongBits(d));
            } else if (value instanceof Long l) {
                buffer.put(LONG).putVarLong((l << 1) ^ (l >> 63));
            } else if (value instanceof Integer i) {
                buffer.put(INTEGER).putVarInt((i << 1) ^ (i >> 31));
            } else {
                buffer.put((Boolean) value ? TRUE : FALSE);
            }
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != COMPACT) {
            return super.read(buffer);
        }
        buffer.get();
        Object[] values = new Object[DataUtils.readVarInt(buffer)];
        for (int i = 0; i < values.length; i++) {
            byte tag = buffer.get();
            values[i] = switch (tag) {
                case NULL -> null;
                case STRING -> DataUtils.readString(buffer);
                case LATIN1 -> {
                    byte[] latin1 = new byte[DataUtils.readVarInt(buffer)];
                    buffer.get(latin1);
                    yield new String(latin1, StandardCharsets.ISO_8859_1);
                }
                case DOUBLE -> Double.longBitsToDouble(buffer.getLong());
                case LONG -> {
                    long z = DataUtils.readVarLong(buffer);
                    yield (z >>> 1) ^ -(z & 1);
                }
                case INTEGER -> {
                    int z = DataUtils.readVarInt(buffer);
                    yield (z >>> 1) ^ -(z & 1);
                }
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                default -> throw new IllegalStateException("unknown index key value tag " + tag + " in the store file");
            };
        }
        return new KeyValue(values);
    }

    @Override
    public int getMemory(Object key) {
        if (!(key instanceof KeyValue values) || !isCompact(values)) {
            return super.getMemory(key);
        }
        int memory = 48;
        for (Object value : values) {
            memory += value instanceof String s ? 48 + 2 * s.length() : 24;
        }
        return memory;
    }

    private static boolean isLatin1(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCompact(KeyValue values) {
        for (Object value : values) {
            if (value != null && !(value instanceof String || value instanceof Double || value instanceof Long
                    || value instanceof Integer || value instanceof Boolean)) {
                return false;
            }
        }
        return true;
    }

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
