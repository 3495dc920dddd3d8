package id.sakip.ledger.eventstore.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import id.sakip.ledger.eventstore.embedded.EmbeddedMongoStore;

/**
 * Books a projection wrote are folded on from memory while the stored document is still the one it
 * wrote, and read again as soon as anyone else wrote it; a failed batch leaves no half-folded book.
 */
class BatchedBooksTest {

    /** A book that lists the positions folded into it. */
    public static final class Tally {
        public List<Long> folded = new ArrayList<>();
    }

    @TempDir
    Path dir;

    private EmbeddedMongoStore store;
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void start() {
        store = EmbeddedMongoStore.start(dir, "127.0.0.1", 0);
        client = MongoClients.create(store.connectionString());
        database = client.getDatabase("ledger");
    }

    @AfterEach
    void stop() {
        client.close();
        store.close();
    }

    private BatchedBooks<Tally> books() {
        return new BatchedBooks<>(database, "tallies", Tally.class, Tally::new);
    }

    private static void fold(BatchedBooks<Tally> books, long... positions) {
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        try {
            for (long position : positions) {
                books.fold("t", new GlobalSequenceTrackingToken(position), t -> t.folded.add(position));
            }
        } catch (RuntimeException e) {
            unit.rollback(e);
            throw e;
        }
        unit.commit();
    }

    private List<Long> stored(BatchedBooks<Tally> books) {
        return books.find("t").folded;
    }

    @Test
    void aBookThisInstanceWroteIsFoldedOnFromMemory() {
        BatchedBooks<Tally> books = books();
        fold(books, 1, 2);
        database.getCollection("tallies").updateOne(Filters.eq("_id", "t"), Updates.set("folded", List.of(99L)));

        fold(books, 3);

        assertThat(stored(books)).as("the kept book, not the document changed behind its stamp")
                .containsExactly(1L, 2L, 3L);
        assertThat(books.reloads()).isZero();
    }

    @Test
    void aBookAnotherWriterWroteIsReadAgain() {
        BatchedBooks<Tally> here = books();
        BatchedBooks<Tally> otherNode = books();
        fold(here, 1);
        fold(otherNode, 2);

        fold(here, 3);

        assertThat(stored(here)).containsExactly(1L, 2L, 3L);
        assertThat(here.reloads()).isEqualTo(1);
    }

    @Test
    void aFailedBatchLeavesNoHalfFoldedBookInMemory() {
        BatchedBooks<Tally> books = books();
        fold(books, 1);
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        books.fold("t", new GlobalSequenceTrackingToken(2), t -> t.folded.add(2L));
        unit.rollback(new IllegalStateException("a handler failed"));

        fold(books, 3);

        assertThat(stored(books)).containsExactly(1L, 3L);
    }

    @Test
    void aResetForgetsTheKeptBooks() {
        BatchedBooks<Tally> books = books();
        fold(books, 1);
        books.reset();

        fold(books, 2);

        assertThat(stored(books)).containsExactly(2L);
        assertThat(database.getCollection("tallies").find(new Document()).into(new ArrayList<>())).hasSize(1);
    }

    @Test
    void aBookIsFoldedOnlyInsideAUnitOfWork() {
        assertThatThrownBy(() -> books().fold("t", new GlobalSequenceTrackingToken(1), t -> t.folded.add(1L)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unit of work");
    }
}
