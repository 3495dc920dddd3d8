package id.sakip.ledger.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

/**
 * The global, gapless, hash-chained log of commits in one MongoDB collection.
 * <p>
 * Appends go through a single writer thread that batches the commits waiting at that moment
 * into one ordered {@code insertMany} (group commit). A commit's {@code _id} is the global
 * sequence of its first event, so the next id is always known and a second writer (another
 * instance) is detected by a duplicate {@code _id}: the writer then re-reads the head and
 * renumbers. A duplicate aggregate stream key means a concurrent change of the same aggregate.
 * Reads never use range filters on hot paths: the next commits are fetched by {@code _id $in}.
 */
public final class CommitLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommitLog.class);
    static final String META_COLLECTION = "ledger_meta";
    private static final String HEAD_HINT = "head";
    /** Commits read per {@code _id $in} find when following the log (larger lists match slowly on mongo-java-server). */
    public static final int WINDOW = 256;
    /** Ids probed past the known head, to find commits of other instances. */
    static final int PROBE = 8;
    private static final int MAX_BATCH = 1_000;
    /**
     * The largest commit accepted, in bytes of its events' text. A commit is one document: MongoDB refuses
     * documents over 16 MB, and the embedded store could store one but not send it back in a reply.
     */
    public static final long MAX_COMMIT_BYTES = 12L << 20;

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> meta;
    private final Clock clock;
    private final BlockingQueue<PendingCommit> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final List<java.util.function.Consumer<StoredCommit>> commitListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private volatile java.util.function.Supplier<? extends RuntimeException> appendRefusal = () -> null;

    /**
     * Commits read lately, shared by every reader of this instance: projections replaying side by side
     * read the same commits, and stored commits never change. Only documents read from the store go in.
     * The cache is bounded by the events its commits hold, not by their number: an import's commit holds
     * thousands of events, and 8 192 such commits were a whole store of a million events in memory.
     */
    private final java.util.LinkedHashMap<Long, Document> recentlyRead = new java.util.LinkedHashMap<>(1_024, 0.75f,
            true);
    /** The events of the commits in {@link #recentlyRead}. */
    private long recentlyReadEvents;
    static final int RECENTLY_READ_EVENTS = 16_384;

    private Head head;
    private final java.util.concurrent.atomic.AtomicLong knownHead = new java.util.concurrent.atomic.AtomicLong(-1);
    private long commitsSinceHint;
    private long lastHintMillis;

    public CommitLog(MongoDatabase database, Clock clock) {
        this.commits = database.getCollection(StoredCommit.COLLECTION);
        this.meta = database.getCollection(META_COLLECTION);
        this.clock = clock;
        commits.createIndex(Indexes.ascending(StoredCommit.KEYS), new IndexOptions().unique(true).name("keys_unique"));
        this.writer = new Thread(this::writeLoop, "ledger-commit-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    MongoCollection<Document> collection() {
        return commits;
    }

    /** Registers a callback told of every stored commit (for metrics). */
    public void onCommit(java.util.function.Consumer<StoredCommit> listener) {
        commitListeners.add(listener);
    }

    /** Makes every later append throw what {@code refusal} gives, while it gives anything but {@code null}. */
    public void refuseAppendsWhen(java.util.function.Supplier<? extends RuntimeException> refusal) {
        this.appendRefusal = refusal;
    }

    /** The last global sequence this instance knows of, without asking the database; -1 before any. */
    public long knownHeadSequence() {
        return knownHead.get();
    }

    /**
     * Appends one commit and returns once it is stored durably.
     *
     * @throws AggregateSequenceConflict when an aggregate sequence number in it was already used
     */
    public StoredCommit append(List<StoredEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a commit needs at least one event");
        }
        if (mostBytes(events) > MAX_COMMIT_BYTES) {
            long bytes = approximateBytes(events);
            if (bytes > MAX_COMMIT_BYTES) {
                throw new CommitTooLarge(events.size(), bytes);
            }
        }
        if (!running) {
            throw new IllegalStateException("the commit log is closed");
        }
        RuntimeException refused = appendRefusal.get();
        if (refused != null) {
            throw refused;
        }
        String repeated = StoredCommit.repeatedStreamKey(events);
        if (repeated != null) {
            throw new AggregateSequenceConflict("two events of one commit share the aggregate sequence " + repeated,
                    repeated);
        }
        PendingCommit pending = new PendingCommit(UUID.randomUUID().toString(), List.copyOf(events));
        queue.add(pending);
        try {
            return pending.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MongoException("interrupted while waiting for the commit to be stored", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new MongoException("commit failed", cause);
        }
    }

    /**
     * At least {@link #approximateBytes}, from string lengths alone (a char takes at most 3 UTF-8 bytes), so a
     * commit far below the limit is not scanned char by char.
     */
    static long mostBytes(List<StoredEvent> events) {
        long chars = 0;
        for (StoredEvent e : events) {
            chars += length(e.eventId()) + 2 * length(e.aggregateId()) + length(e.aggregateType())
                    + length(e.payloadType()) + length(e.revision()) + length(e.timestamp()) + length(e.payload())
                    + length(e.metaData());
        }
        return 96L * events.size() + 3 * chars;
    }

    private static long length(String s) {
        return s == null ? 0 : s.length();
    }

    /** The UTF-8 size of the events' fields and stream keys, plus a little for field names and types. */
    static long approximateBytes(List<StoredEvent> events) {
        long bytes = 0;
        for (StoredEvent e : events) {
            bytes += 96 + utf8(e.eventId()) + 2 * utf8(e.aggregateId()) + utf8(e.aggregateType())
                    + utf8(e.payloadType()) + utf8(e.revision()) + utf8(e.timestamp()) + utf8(e.payload())
                    + utf8(e.metaData());
        }
        return bytes;
    }

    private static long utf8(String s) {
        if (s == null) {
            return 0;
        }
        long bytes = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                bytes += c >= 0x800 && !Character.isSurrogate(c) ? 2 : 1;
            }
        }
        return bytes;
    }

    /** The last global sequence number stored, or 0 when the log is empty. */
    public long headSequence() {
        long known = knownHead.get();
        if (known >= 0) {
            return probeForward(known);
        }
        return findHead().last;
    }

    /**
     * Follows the chain of commits after {@code knownLast}, starting with a small probe: at the head
     * (the usual case) this costs a few index lookups, not a full window.
     */
    private long probeForward(long knownLast) {
        long next = knownLast + 1;
        int window = PROBE;
        while (true) {
            Map<Long, Document> found = fetchByIds(next, window);
            Document d = found.get(next);
            if (d == null) {
                observe(next - 1);
                return next - 1;
            }
            while (d != null) {
                next = ((Number) d.get(StoredCommit.LAST)).longValue() + 1;
                d = found.get(next);
            }
            window = WINDOW;
        }
    }

    /** Notes a commit this instance has seen (its own or another instance's), raising the known head. */
    void observe(long last) {
        knownHead.accumulateAndGet(last, Math::max);
    }


    /** Keeps a commit read from the store, letting the least recently read go beyond the event bound. */
    private void remember(long id, Document commit) {
        Document replaced = recentlyRead.put(id, commit);
        if (replaced != null) {
            recentlyReadEvents -= eventsIn(replaced);
        }
        recentlyReadEvents += eventsIn(commit);
        var eldest = recentlyRead.entrySet().iterator();
        while (recentlyReadEvents > RECENTLY_READ_EVENTS && recentlyRead.size() > 1) {
            Map.Entry<Long, Document> out = eldest.next();
            recentlyReadEvents -= eventsIn(out.getValue());
            eldest.remove();
        }
    }

    private static long eventsIn(Document commit) {
        return ((Number) commit.get(StoredCommit.LAST)).longValue() - ((Number) commit.get(StoredCommit.ID)).longValue()
                + 1;
    }

    /** The commits and events the cache of recently read commits holds now (for tests). */
    long[] recentlyReadSize() {
        synchronized (recentlyRead) {
            return new long[] {recentlyRead.size(), recentlyReadEvents};
        }
    }

    /** Fetches the commits whose {@code _id} lies in {@code [from, from + count)}. */
    Map<Long, Document> fetchByIds(long from, int count) {
        Map<Long, Document> found = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        synchronized (recentlyRead) {
            for (long id = from; id < from + count; id++) {
                Document d = recentlyRead.get(id);
                if (d == null) {
                    missing.add(id);
                } else {
                    found.put(id, d);
                }
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        List<Document> read = new ArrayList<>();
        commits.find(in(StoredCommit.ID, missing)).into(read);
        synchronized (recentlyRead) {
            for (Document d : read) {
                long id = ((Number) d.get(StoredCommit.ID)).longValue();
                found.put(id, d);
                remember(id, d);
            }
        }
        return found;
    }

    /** The commit that contains global sequence {@code seq}, or {@code null} if none does (yet). */
    Document commitContaining(long seq) {
        Document exact = commits.find(eq(StoredCommit.ID, seq)).first();
        if (exact != null) {
            return exact;
        }
        long span = WINDOW;
        while (span <= 1L << 20) {
            long from = Math.max(1, seq - span + 1);
            Map<Long, Document> found = fetchByIds(from, (int) (seq - from + 1));
            Document best = null;
            long bestId = -1;
            for (Map.Entry<Long, Document> e : found.entrySet()) {
                if (e.getKey() <= seq && e.getKey() > bestId) {
                    bestId = e.getKey();
                    best = e.getValue();
                }
            }
            if (best != null) {
                return ((Number) best.get(StoredCommit.LAST)).longValue() >= seq ? best : null;
            }
            if (from == 1) {
                return null;
            }
            span *= 8;
        }
        Document candidate = commits.find(com.mongodb.client.model.Filters.lte(StoredCommit.ID, seq))
                .sort(Sorts.descending(StoredCommit.ID)).first();
        if (candidate != null && ((Number) candidate.get(StoredCommit.LAST)).longValue() >= seq) {
            return candidate;
        }
        return null;
    }

    /** A stored event with the commit that holds it and its global sequence. */
    public record LocatedEvent(long sequence, StoredCommit commit, StoredEvent event) {
    }

    /** The events at these global sequence numbers, with their commits; missing ones are left out. */
    public Map<Long, LocatedEvent> eventsAt(java.util.Collection<Long> sequences) {
        Map<Long, LocatedEvent> result = new HashMap<>();
        List<Long> ids = new ArrayList<>(sequences);
        List<StoredCommit> commitsFound = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            for (Document d : commits.find(in(StoredCommit.ID, ids.subList(i, Math.min(ids.size(), i + 500))))) {
                commitsFound.add(StoredCommit.fromDocument(d));
            }
        }
        for (Long seq : ids) {
            StoredCommit holder = null;
            for (StoredCommit c : commitsFound) {
                if (c.first() <= seq && seq <= c.last()) {
                    holder = c;
                    break;
                }
            }
            if (holder == null) {
                Document d = commitContaining(seq);
                if (d == null) {
                    continue;
                }
                holder = StoredCommit.fromDocument(d);
                commitsFound.add(holder);
            }
            result.put(seq, new LocatedEvent(seq, holder, holder.events().get((int) (seq - holder.first()))));
        }
        return result;
    }

    /** A cursor over every commit with {@code _id >= fromId}, in order, for replays and verification. */
    MongoCursor<Document> streamFrom(long fromId) {
        Bson filter = fromId <= 1 ? new Document() : gte(StoredCommit.ID, fromId);
        return commits.find(filter).sort(Sorts.ascending(StoredCommit.ID)).batchSize(1_000).cursor();
    }

    private void writeLoop() {
        List<PendingCommit> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                PendingCommit first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.error("Commit writer failed on a batch of {}", batch.size(), e);
                head = null;
                for (PendingCommit p : batch) {
                    p.result.completeExceptionally(e);
                }
            } finally {
                batch.clear();
            }
        }
        for (PendingCommit p : queue) {
            p.result.completeExceptionally(new IllegalStateException("the commit log is closed"));
        }
    }

    private void write(List<PendingCommit> batch) {
        List<PendingCommit> remaining = new ArrayList<>(batch);
        int attempts = 0;
        while (!remaining.isEmpty()) {
            if (head == null) {
                head = findHead();
            }
            List<StoredCommit> built = new ArrayList<>(remaining.size());
            List<Document> docs = new ArrayList<>(remaining.size());
            long next = head.last + 1;
            String prev = head.hash;
            String now = clock.instant().toString();
            for (PendingCommit p : remaining) {
                long last = next + p.events.size() - 1;
                String hash = CommitHasher.hash(next, last, now, p.commitId, p.events, prev);
                StoredCommit c = new StoredCommit(next, last, now, p.commitId, p.events, prev, hash);
                built.add(c);
                docs.add(c.toDocument());
                next = last + 1;
                prev = hash;
            }
            try {
                commits.insertMany(docs, new InsertManyOptions().ordered(true));
                succeed(remaining, built, remaining.size());
                remaining.clear();
            } catch (MongoBulkWriteException e) {
                BulkWriteError error = e.getWriteErrors().get(0);
                int failed = error.getIndex();
                succeed(remaining, built, failed);
                PendingCommit victim = remaining.get(failed);
                List<PendingCommit> rest = new ArrayList<>(remaining.subList(failed + 1, remaining.size()));
                if (ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY
                        && !error.getMessage().contains("keys_unique")) {
                    // Another writer took this global position: re-read the head, renumber, retry.
                    head = null;
                    rest.add(0, victim);
                    if (++attempts > 1_000) {
                        throw new MongoException("could not find a free global position after 1000 attempts");
                    }
                } else if (ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                    victim.result.completeExceptionally(new AggregateSequenceConflict(error.getMessage()));
                } else {
                    victim.result.completeExceptionally(new MongoException(error.getCode(), error.getMessage()));
                }
                remaining = rest;
            } catch (MongoException e) {
                // The outcome is unknown: look for our own commits by id before answering.
                head = null;
                resolveUnknownOutcome(remaining, built, e);
                remaining.clear();
            }
        }
    }

    private void resolveUnknownOutcome(List<PendingCommit> pending, List<StoredCommit> built, MongoException cause) {
        for (int i = 0; i < pending.size(); i++) {
            StoredCommit c = built.get(i);
            Document stored = commits.find(eq(StoredCommit.ID, c.first())).first();
            if (stored != null && c.commitId().equals(stored.getString(StoredCommit.COMMIT_ID))) {
                pending.get(i).result.complete(c);
            } else {
                pending.get(i).result.completeExceptionally(cause);
            }
        }
    }

    private void succeed(List<PendingCommit> pending, List<StoredCommit> built, int count) {
        if (count == 0) {
            return;
        }
        StoredCommit lastStored = built.get(count - 1);
        head = new Head(lastStored.last(), lastStored.hash());
        observe(lastStored.last());
        for (int i = 0; i < count; i++) {
            pending.get(i).result.complete(built.get(i));
            for (java.util.function.Consumer<StoredCommit> l : commitListeners) {
                try {
                    l.accept(built.get(i));
                } catch (RuntimeException e) {
                    log.warn("A commit listener failed: {}", e.getMessage());
                }
            }
        }
        commitsSinceHint += count;
        long now = System.currentTimeMillis();
        if (commitsSinceHint >= 500 || now - lastHintMillis > 2_000) {
            saveHeadHint(lastStored.first());
            commitsSinceHint = 0;
            lastHintMillis = now;
        }
    }

    private void saveHeadHint(long commitId) {
        try {
            meta.replaceOne(eq("_id", HEAD_HINT), new Document("_id", HEAD_HINT).append("commit", commitId),
                    new ReplaceOptions().upsert(true));
        } catch (MongoException e) {
            log.warn("Could not save the head hint (harmless, start-up will search further): {}", e.getMessage());
        }
    }

    /** Finds the last commit: from the saved hint forwards, or by one full scan if there is no hint. */
    private Head findHead() {
        Document hint = meta.find(eq("_id", HEAD_HINT)).first();
        Document start = null;
        if (hint != null) {
            start = commits.find(eq(StoredCommit.ID, ((Number) hint.get("commit")).longValue())).first();
        }
        Head h = start == null ? findHeadSlowly() : new Head(((Number) start.get(StoredCommit.LAST)).longValue(),
                start.getString(StoredCommit.HASH));
        while (true) {
            Map<Long, Document> found = fetchByIds(h.last + 1, WINDOW);
            Document d = found.get(h.last + 1);
            if (d == null) {
                observe(h.last);
                return h;
            }
            while (d != null) {
                h = new Head(((Number) d.get(StoredCommit.LAST)).longValue(), d.getString(StoredCommit.HASH));
                d = found.get(h.last + 1);
            }
        }
    }

    private Head findHeadSlowly() {
        Document last = commits.find().sort(Sorts.descending(StoredCommit.ID)).limit(1).first();
        if (last == null) {
            return new Head(0, CommitHasher.GENESIS);
        }
        return new Head(((Number) last.get(StoredCommit.LAST)).longValue(), last.getString(StoredCommit.HASH));
    }

    @Override
    public void close() {
        running = false;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (head != null) {
            saveHeadHint(commitIdOfHead());
        }
    }

    private long commitIdOfHead() {
        Document d = commitContaining(head.last);
        return d == null ? 0 : ((Number) d.get(StoredCommit.ID)).longValue();
    }

    private record Head(long last, String hash) {
    }

    private static final class PendingCommit {
        final String commitId;
        final List<StoredEvent> events;
        final CompletableFuture<StoredCommit> result = new CompletableFuture<>();

        PendingCommit(String commitId, List<StoredEvent> events) {
            this.commitId = commitId;
            this.events = events;
        }
    }

    /** Thrown, before anything is stored, for a unit of work too large to be one commit document. */
    public static final class CommitTooLarge extends RuntimeException {
        private final int events;
        private final long bytes;

        public CommitTooLarge(int events, long bytes) {
            super("A commit of " + events + " events and about " + bytes / (1 << 20) + " MB exceeds the limit of "
                    + MAX_COMMIT_BYTES / (1 << 20) + " MB for one commit document");
            this.events = events;
            this.bytes = bytes;
        }

        public int events() {
            return events;
        }

        public long bytes() {
            return bytes;
        }
    }

    /**
     * Thrown when an aggregate sequence number in a commit was already stored by another commit, or is
     * used twice within the commit itself.
     */
    public static final class AggregateSequenceConflict extends MongoException {
        private final String streamKey;

        public AggregateSequenceConflict(String message) {
            this(message, null);
        }

        public AggregateSequenceConflict(String message, String streamKey) {
            super(11000, message);
            this.streamKey = streamKey;
        }

        /** The {@code aggregate#sequence} key in conflict when known, otherwise {@code null}. */
        public String streamKey() {
            return streamKey;
        }
    }

    /** Which of these stream keys are already held by stored commits. */
    java.util.Set<String> storedStreamKeys(List<String> keys) {
        java.util.Set<String> wanted = new java.util.HashSet<>(keys);
        java.util.Set<String> stored = new java.util.HashSet<>();
        for (Document d : commits.find(in(StoredCommit.KEYS, keys))) {
            for (String key : StoredCommit.storedKeys(d)) {
                if (wanted.contains(key)) {
                    stored.add(key);
                }
            }
        }
        return stored;
    }
}
