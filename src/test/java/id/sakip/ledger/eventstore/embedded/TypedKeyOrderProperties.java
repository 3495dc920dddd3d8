package id.sakip.ledger.eventstore.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The index key order is a total order that agrees with key equality, as a B-tree needs. */
class TypedKeyOrderProperties {

    private final TypedKeyOrder order = new TypedKeyOrder();

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
