package id.sakip.ledger.eventstore.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

/**
 * The documents ("books") of a folding projection, one per aggregate or report subject. Within an
 * event processor's batch each book is read once, folded in memory, and written once when the batch
 * commits, so a replay costs one write per book per batch rather than one per event.
 */
public final class BatchedBooks<B> {

    private final MongoCollection<Document> collection;
    private final JsonDocumentCodec<B> codec;
    private final Supplier<B> empty;
    private final String resourceKey;

    public BatchedBooks(MongoDatabase database, String collection, Class<B> type, Supplier<B> empty) {
        this.collection = database.getCollection(collection);
        this.codec = new JsonDocumentCodec<>(type);
        this.empty = empty;
        this.resourceKey = BatchedBooks.class.getName() + "#" + collection;
    }

    /** The book with this id as folded so far in the current batch. */
    public B book(String id) {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("a projection folds inside a unit of work");
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<String, B> batch = root.getOrComputeResource(resourceKey, key -> {
            Map<String, B> dirty = new HashMap<>();
            root.onPrepareCommit(u -> flush(dirty));
            return dirty;
        });
        return batch.computeIfAbsent(id, this::load);
    }

    /** The stored book, or {@code null}. */
    public B find(String id) {
        Document d = collection.find(Filters.eq("_id", id)).first();
        return d == null ? null : codec.read(d);
    }

    private B load(String id) {
        B stored = find(id);
        return stored == null ? empty.get() : stored;
    }

    private void flush(Map<String, B> dirty) {
        if (dirty.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(dirty.size());
        dirty.forEach((id, book) -> writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), codec.write(id, book),
                new ReplaceOptions().upsert(true))));
        collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /** Empties the read model before a rebuild. */
    public void reset() {
        collection.deleteMany(new Document());
    }

    public JsonDocumentCodec<B> codec() {
        return codec;
    }
}
