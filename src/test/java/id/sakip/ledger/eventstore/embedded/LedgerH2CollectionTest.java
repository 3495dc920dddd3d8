package id.sakip.ledger.eventstore.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

/**
 * Finds of a list of keys through a unique index, which the store answers from the index without
 * matching each document against the list again, return exactly the documents with those keys.
 */
class LedgerH2CollectionTest {

    @TempDir
    Path dir;

    @Test
    void findsByListsOfKeysReturnExactlyTheDocumentsWithThoseKeys() {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> commits = client.getDatabase("ledger").getCollection("commits");
            MongoCollection<Document> books = client.getDatabase("ledger").getCollection("books");
            books.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            List<Document> written = new ArrayList<>();
            for (long id = 1; id <= 300; id++) {
                written.add(new Document("_id", id).append("last", id));
            }
            commits.insertMany(written);
            for (int i = 0; i < 50; i++) {
                books.insertOne(new Document("_id", "book-" + i).append("code", (long) i * 7));
            }

            assertThat(ids(commits, Filters.in("_id", 5L, 1L, 300L, 301L, 5L, -4L))).containsExactly(1L, 5L, 300L);
            assertThat(ids(commits, Filters.in("_id", 7, 8L))).as("an int and a long find the same keys")
                    .containsExactly(7L, 8L);
            assertThat(ids(commits, Filters.in("_id", longs(100, 356)))).hasSize(201)
                    .first().isEqualTo(100L);
            assertThat(commits.find(Filters.in("_id", 10L, 11L, 12L)).sort(Sorts.descending("_id")).skip(1)
                    .limit(1).projection(Projections.include("_id")).first())
                    .as("order, skip, limit and projection still apply").isEqualTo(new Document("_id", 11L));
            assertThat(ids(commits, Filters.in("_id", 2.0, 3.5))).as("a list of doubles takes the matcher's path")
                    .containsExactly(2L);

            assertThat(ids(books, Filters.in("_id", "book-3", "book-49", "book-50", "BOOK-4")))
                    .containsExactly("book-3", "book-49");
            assertThat(ids(books, Filters.in("code", 0L, 14L, 15L, 343L))).containsExactly("book-0", "book-2", "book-49");
            assertThat(ids(books, Filters.in("code", 21L, null))).containsExactly("book-3");
        }
    }

    @Test
    void aDocumentThatSeveralKeysOfTheListFindIsAnsweredOnce() {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> commits = client.getDatabase("ledger").getCollection("commits");
            commits.createIndex(Indexes.ascending("keys"), new IndexOptions().unique(true));
            commits.insertOne(new Document("_id", 1L).append("keys", List.of("budget#0", "budget#1", "budget#2")));
            commits.insertOne(new Document("_id", 4L).append("keys", List.of("budget#3", "plan#0")));

            List<Object> found = new ArrayList<>();
            commits.find(Filters.in("keys", "budget#0", "budget#1", "budget#2", "budget#3", "budget#4"))
                    .forEach(d -> found.add(d.get("_id")));

            assertThat(found).containsExactly(1L, 4L);
        }
    }

    @Test
    void onlyListsOfStringsAndExactIntegersSkipTheMatcher() {
        assertThat(LedgerH2Collection.isExactInList(inList("_id", 1L, 2, "three"))).isTrue();
        assertThat(LedgerH2Collection.isExactInList(inList("_id", 1L << 53, -(1L << 53)))).isTrue();

        assertThat(LedgerH2Collection.isExactInList(inList("_id", (1L << 53) + 1)))
                .as("a long a double cannot represent").isFalse();
        assertThat(LedgerH2Collection.isExactInList(inList("_id", 1L, 2.0))).as("a double").isFalse();
        assertThat(LedgerH2Collection.isExactInList(inList("_id", "a", null))).as("null").isFalse();
        assertThat(LedgerH2Collection.isExactInList(inList("_id", query("a", 1)))).as("a sub-document").isFalse();
        assertThat(LedgerH2Collection.isExactInList(inList("_id"))).as("an empty list").isFalse();
        assertThat(LedgerH2Collection.isExactInList(query("_id", query("$nin", List.of(1L)))))
                .as("another operator").isFalse();
        assertThat(LedgerH2Collection.isExactInList(query("_id", query("$in", List.of(1L)).append("$ne", 2L))))
                .as("a second condition on the field").isFalse();
        assertThat(LedgerH2Collection.isExactInList(inList("_id", 1L).append("last", 1L)))
                .as("a second field").isFalse();
        assertThat(LedgerH2Collection.isExactInList(query("_id", 1L))).as("plain equality").isFalse();
    }

    /** A query as the store receives it. */
    private static de.bwaldvogel.mongo.bson.Document query(String key, Object value) {
        return new de.bwaldvogel.mongo.bson.Document(key, value);
    }

    private static de.bwaldvogel.mongo.bson.Document inList(String field, Object... values) {
        return query(field, query("$in", new ArrayList<>(Arrays.asList(values))));
    }

    private static List<Long> longs(long from, long to) {
        List<Long> values = new ArrayList<>();
        for (long v = from; v < to; v++) {
            values.add(v);
        }
        return values;
    }

    private static Set<Object> ids(MongoCollection<Document> collection, org.bson.conversions.Bson filter) {
        Set<Object> ids = new TreeSet<>();
        for (Document d : collection.find(filter)) {
            ids.add(d.get("_id"));
        }
        return ids;
    }
}
