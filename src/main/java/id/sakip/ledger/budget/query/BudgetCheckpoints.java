package id.sakip.ledger.budget.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

import id.sakip.ledger.eventstore.projection.JsonDocumentCodec;

/**
 * Copies of a budget's book after every {@link BudgetBook#CHECKPOINT_EVENTS} events, kept by the live
 * read model so an {@code asOf} question folds from the last copy that is wholly before that moment
 * instead of from the first event. Each copy also records when the events of its block were recorded,
 * so blocks recorded wholly after the moment are not read at all. Like every read model they are
 * rebuilt from the log.
 */
final class BudgetCheckpoints {

    static final String COLLECTION = "budget_checkpoints";
    private static final String RESOURCE = BudgetCheckpoints.class.getName();

    /** What a checkpoint says about the events up to it, without the book itself. */
    record Checkpoint(int block, long sequence, Instant maxRecordedAt, Instant blockFirstRecordedAt) {
    }

    private final MongoCollection<Document> collection;
    private final JsonDocumentCodec<BudgetBook> codec;

    BudgetCheckpoints(MongoDatabase database, JsonDocumentCodec<BudgetBook> codec) {
        this.collection = database.getCollection(COLLECTION);
        this.codec = codec;
    }

    private static String id(String budgetId, int block) {
        return budgetId + "#" + block;
    }

    /**
     * Keeps a copy of {@code book}, which has just folded the event with aggregate sequence
     * {@code sequence}; written with the projection's batch, replacing an earlier copy of the same block.
     */
    void record(String budgetId, long sequence, BudgetBook book) {
        int block = (int) (book.events / BudgetBook.CHECKPOINT_EVENTS);
        Document d = new Document("_id", id(budgetId, block)).append("budgetId", budgetId).append("block", block)
                .append("sequence", sequence).append("maxRecordedAt", text(book.maxRecordedAt))
                .append("blockFirstRecordedAt", text(book.blockFirstRecordedAt))
                .append("book", codec.write(budgetId, book));
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<String, Document> pending = root.getOrComputeResource(RESOURCE, key -> {
            Map<String, Document> batch = new HashMap<>();
            root.onPrepareCommit(u -> flush(batch));
            return batch;
        });
        pending.put(d.getString("_id"), d);
    }

    private void flush(Map<String, Document> pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        pending.forEach((id, d) -> writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), d,
                new ReplaceOptions().upsert(true))));
        collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /** The checkpoints of blocks 1 to {@code blocks} that exist, in order, each up to where one is missing. */
    List<Checkpoint> upTo(String budgetId, int blocks) {
        List<String> ids = new ArrayList<>();
        for (int b = 1; b <= blocks; b++) {
            ids.add(id(budgetId, b));
        }
        Map<Integer, Checkpoint> found = new HashMap<>();
        for (Document d : collection.find(Filters.in("_id", ids)).projection(Projections.exclude("book"))) {
            Checkpoint c = new Checkpoint(d.getInteger("block"), ((Number) d.get("sequence")).longValue(),
                    instant(d.getString("maxRecordedAt")), instant(d.getString("blockFirstRecordedAt")));
            found.put(c.block(), c);
        }
        List<Checkpoint> result = new ArrayList<>();
        for (int b = 1; b <= blocks && found.containsKey(b); b++) {
            result.add(found.get(b));
        }
        return result;
    }

    /** Recording times are kept as ISO text: a BSON date would drop the nanoseconds they are compared at. */
    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    /** The book as it was after the last event of {@code block}. */
    BudgetBook book(String budgetId, int block) {
        Document d = collection.find(Filters.eq("_id", id(budgetId, block))).first();
        if (d == null) {
            throw new IllegalStateException("checkpoint " + id(budgetId, block) + " disappeared");
        }
        return codec.read(d.get("book", Document.class));
    }

    void reset() {
        collection.deleteMany(new Document());
    }
}
