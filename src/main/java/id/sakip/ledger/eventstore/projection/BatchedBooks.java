package id.sakip.ledger.eventstore.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.axonframework.eventhandling.TrackingToken;
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
 * <p>
 * Books written by this instance are kept in memory (the {@value #CACHED} used last) with the stamp
 * they were written with. The next batch takes a kept book only if the stored document still carries
 * that stamp, which it reads without the rest of the document; any other writer (another node, a
 * rebuild, a reset) writes another stamp. A kept book leaves the memory while a batch folds it and
 * comes back only once the batch has written it, so a batch that fails leaves nothing half folded.
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

    private static final String POSITION = "_position";
    private static final String STAMP = "_stamp";
    static final int CACHED = 512;
    /** This instance as a writer: stamps are unique across nodes and across instances in one JVM. */
    private final String writer = UUID.randomUUID().toString();
    private final Map<Object, Long> positions = new IdentityHashMap<>();
    private final AtomicLong writes = new AtomicLong();
    private final Map<String, Kept<B>> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept<B>> eldest) {
            return size() > CACHED;
        }
    };
    private long reloads;

    /** A book as this instance last wrote it, and the stamp it was written with. */
    private record Kept<B>(B book, String stamp, Long position) {
    }

    /**
     * Folds one event into a book, once: the book remembers the global position of the last event it
     * took, so an event delivered again (a batch replayed after a crash between the book's write and
     * the token's) is not counted twice.
     */
    public synchronized void fold(String id, TrackingToken token, Consumer<B> step) {
        B book = book(id);
        long position = token == null || token.position().isEmpty() ? Long.MAX_VALUE : token.position().getAsLong();
        Long applied = positions.get(book);
        if (applied != null && position != Long.MAX_VALUE && position <= applied) {
            return;
        }
        step.accept(book);
        if (position != Long.MAX_VALUE) {
            positions.put(book, position);
        }
    }

    /** The book with this id as folded so far in the current batch. */
    public B book(String id) {
        return batch().computeIfAbsent(id, this::load);
    }

    /**
     * Takes part in the current batch without reading a book yet. Batches write their books in the
     * order the collections took part, so a projection whose books refer to each other enlists first
     * the collection that must reach the disk first.
     */
    public void enlist() {
        batch();
    }

    private Map<String, B> batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("a projection folds inside a unit of work");
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(resourceKey, key -> {
            Map<String, B> dirty = new HashMap<>();
            root.onPrepareCommit(u -> flush(dirty));
            return dirty;
        });
    }

    /** The stored book, or {@code null}. */
    public B find(String id) {
        Document d = collection.find(Filters.eq("_id", id)).first();
        if (d == null) {
            return null;
        }
        d.remove(POSITION);
        d.remove(STAMP);
        return codec.read(d);
    }

    private synchronized B load(String id) {
        Kept<B> mine = kept.remove(id);
        if (mine != null) {
            Document stored = collection.find(Filters.eq("_id", id)).projection(new Document(STAMP, 1)).first();
            if (stored != null && mine.stamp().equals(stored.getString(STAMP))) {
                if (mine.position() != null) {
                    positions.put(mine.book(), mine.position());
                }
                return mine.book();
            }
            reloads++;
        }
        Document d = collection.find(Filters.eq("_id", id)).first();
        if (d == null) {
            return empty.get();
        }
        Number position = d.get(POSITION, Number.class);
        d.remove(POSITION);
        d.remove(STAMP);
        B book = codec.read(d);
        if (position != null) {
            positions.put(book, position.longValue());
        }
        return book;
    }

    private void flush(Map<String, B> dirty) {
        if (dirty.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(dirty.size());
        Map<String, Kept<B>> written = new HashMap<>();
        synchronized (this) {
            dirty.forEach((id, book) -> {
                Document d = codec.write(id, book);
                Long position = positions.remove(book);
                if (position != null) {
                    d.append(POSITION, position);
                }
                String stamp = writer + ":" + this.writes.incrementAndGet();
                d.append(STAMP, stamp);
                written.put(id, new Kept<>(book, stamp, position));
                writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), d, new ReplaceOptions().upsert(true)));
            });
        }
        collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        synchronized (this) {
            kept.putAll(written);
        }
    }

    /** How often a kept book was found written by someone else and read again (for tests). */
    synchronized long reloads() {
        return reloads;
    }

    /** Empties the read model before a rebuild. */
    public void reset() {
        synchronized (this) {
            kept.clear();
        }
        collection.deleteMany(new Document());
    }

    public JsonDocumentCodec<B> codec() {
        return codec;
    }
}
