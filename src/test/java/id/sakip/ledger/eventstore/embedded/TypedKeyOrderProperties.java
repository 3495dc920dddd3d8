package id.sakip.ledger.eventstore.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The index key order is a total order that agrees with key equality, as a B-tree needs, and a key
 * kept in the store file reads back equal, in the compact form or in H2's own.
 */
class TypedKeyOrderProperties {

    private final TypedKeyOrder order = new TypedKeyOrder();

    private KeyValue roundTrip(DataType<Object> writer, KeyValue key) {
        WriteBuffer buffer = new WriteBuffer();
        writer.write(buffer, key);
        writer.write(buffer, new KeyValue("next"));
        ByteBuffer read = buffer.getBuffer();
        read.flip();
        KeyValue first = (KeyValue) order.read(read);
        assertThat(order.read(read)).as("the next key starts where this one ends").isEqualTo(new KeyValue("next"));
        assertThat(read.hasRemaining()).isFalse();
        return first;
    }

    @Property(tries = 500)
    void keysReadBackEqualWithTheirValueTypes(@ForAll("storedKeys") KeyValue key) {
        KeyValue read = roundTrip(order, key);
        assertThat(read).isEqualTo(key);
        assertThat(order.compare(read, key)).isZero();
        for (int i = 0; i < key.size(); i++) {
            assertThat(read.get(i) == null ? null : read.get(i).getClass())
                    .isEqualTo(key.get(i) == null ? null : key.get(i).getClass());
        }
    }

    @Property(tries = 200)
    void keysWrittenInH2sOwnFormBeforeStillRead(@ForAll("storedKeys") KeyValue key) {
        assertThat(roundTrip(new ObjectDataType(), key)).isEqualTo(key);
    }

    @Property(tries = 200)
    void keysOfPlainValuesAreCompactAndOthersKeepH2sForm(@ForAll("storedKeys") KeyValue key) {
        WriteBuffer buffer = new WriteBuffer();
        order.write(buffer, key);
        boolean plain = key.stream().allMatch(v -> v == null || v instanceof String || v instanceof Double
                || v instanceof Long || v instanceof Integer || v instanceof Boolean);
        assertThat(buffer.getBuffer().get(0) == TypedKeyOrder.COMPACT).isEqualTo(plain);
        if (plain) {
            WriteBuffer h2 = new WriteBuffer();
            new ObjectDataType().write(h2, key);
            assertThat(buffer.position()).as("smaller than Java serialisation").isLessThan(h2.position());
        }
    }

    @Provide
    Arbitrary<KeyValue> storedKeys() {
        Arbitrary<Object> value = Arbitraries.oneOf(
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(Double.NaN, -0.0, Double.NEGATIVE_INFINITY, Double.MAX_VALUE).map(d -> (Object) d),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
                Arbitraries.strings().withCharRange((char) 0, (char) 0xFF).ofMaxLength(40).map(s -> (Object) s),
                Arbitraries.strings().withCharRange('\u0100', '\uffff').ofMaxLength(5).map(s -> (Object) s),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null),
                Arbitraries.strings().alpha().ofMaxLength(2).map(s -> (Object) new Document("k", s)),
                Arbitraries.integers().between(0, 2).map(i -> (Object) List.of(i.doubleValue())));
        return value.list().ofMinSize(1).ofMaxSize(3).map(values -> new KeyValue(new ArrayList<>(values)));
    }

    @Property(tries = 300)
    void equalKeysCompareEqualAndUnequalOnesDoNot(@ForAll("keys") KeyValue a, @ForAll("keys") KeyValue b) {
        assertThat(order.compare(a, b) == 0).isEqualTo(a.equals(b));
        assertThat(Integer.signum(order.compare(a, b))).isEqualTo(-Integer.signum(order.compare(b, a)));
    }

    @Property(tries = 200)
    void orderIsTransitive(@ForAll("keys") KeyValue a, @ForAll("keys") KeyValue b, @ForAll("keys") KeyValue c) {
        if (order.compare(a, b) <= 0 && order.compare(b, c) <= 0) {
            assertThat(order.compare(a, c)).isLessThanOrEqualTo(0);
        }
    }

    @Provide
    Arbitrary<KeyValue> keys() {
        Arbitrary<Object> value = Arbitraries.oneOf(
                Arbitraries.doubles().between(-1e6, 1e6).ofScale(1).map(d -> (Object) d),
                Arbitraries.longs().between(-3, 3).map(l -> (Object) (double) l),
                Arbitraries.strings().alpha().ofMaxLength(4).map(s -> (Object) s),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null),
                Arbitraries.strings().alpha().ofMaxLength(2).map(s -> (Object) new Document("k", s)),
                Arbitraries.integers().between(0, 2).map(i -> (Object) List.of(i.doubleValue())));
        return value.list().ofMinSize(1).ofMaxSize(3).map(values -> new KeyValue(new ArrayList<>(values)));
    }
}
