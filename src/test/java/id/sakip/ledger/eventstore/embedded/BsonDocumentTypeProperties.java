package id.sakip.ledger.eventstore.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.h2.mvstore.WriteBuffer;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A document kept in the store file reads back equal, value types included. */
class BsonDocumentTypeProperties {

    private final BsonDocumentType type = new BsonDocumentType();

    private Document roundTrip(Document document) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, document);
        type.write(buffer, new Document("_id", "next"));
        var read = buffer.getBuffer();
        read.flip();
        Document first = type.read(read);
        assertThat(type.read(read)).as("the next value starts where this one ends")
                .isEqualTo(new Document("_id", "next"));
        return first;
    }

    @Property(tries = 300)
    void documentsReadBackEqualWithTheirValueTypes(@ForAll("documents") Document document) {
        Document read = roundTrip(document);
        assertThat(read).isEqualTo(document);
        for (String key : document.keySet()) {
            Object value = document.get(key);
            assertThat(read.get(key) == null ? null : read.get(key).getClass())
                    .isEqualTo(value == null ? null : value.getClass());
        }
    }

    @Property(tries = 20)
    void aValueBsonCannotHoldIsKeptAsWell(@ForAll("plainValues") Object value) {
        Document document = new Document("_id", 1L).append("odd", Missing.getInstance()).append("v", value);
        Document read = roundTrip(document);
        assertThat(read.get("odd")).as("kept Java-serialised, as mongo-java-server kept every document")
                .isInstanceOf(Missing.class);
        assertThat(read.get("v")).isEqualTo(value);
        assertThat(read.keySet()).containsExactly("_id", "odd", "v");
    }

    @Provide
    Arbitrary<Object> plainValues() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.longs().between(0, 4_000_000_000_000L).map(ms -> (Object) Instant.ofEpochMilli(ms)),
                Arbitraries.just(new ObjectId()),
                Arbitraries.just(new BinData(new byte[] {1, 2, 3})),
                Arbitraries.just(UUID.fromString("1c4c8e4e-3f6b-4c0d-9a73-2a2f4d0b7c11")),
                Arbitraries.just(new Decimal128(new BigDecimal("1925000000.50"))),
                Arbitraries.just(null));
    }

    @Provide
    Arbitrary<Document> documents() {
        Arbitrary<Object> nested = plainValues().list().ofMaxSize(4).map(l -> (Object) l);
        Arbitrary<Object> sub = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6)
                .map(k -> (Object) new Document(k, List.of(1L, "x")));
        Arbitrary<Object> value = Arbitraries.oneOf(plainValues(), nested, sub);
        return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), value).ofMaxSize(8)
                .map(map -> {
                    Document d = new Document("_id", "doc");
                    map.forEach(d::append);
                    return d;
                });
    }
}
