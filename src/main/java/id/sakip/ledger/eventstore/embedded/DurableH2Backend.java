package id.sakip.ledger.eventstore.embedded;

import java.nio.channels.FileChannel;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import io.netty.channel.Channel;

/**
 * An H2 MVStore backend for mongo-java-server that answers a write to a durable collection (the
 * event log) only after the MVStore has been committed to its file and the file forced to the disk
 * ({@link FileChannel#force} through {@link MVStore#sync()}), so an acknowledged event survives
 * {@code kill -9} and a power cut. Writes to other collections (read models, tokens, snapshots: all
 * rebuildable from the log) are answered at once and reach the disk with the next commit, at most
 * {@value #FLUSH_MILLIS} ms later. A commit is a snapshot between whole commands and the file's
 * chunks are written in version order, so whatever a crash leaves of the file opens as one such
 * snapshot: a projection token is never on disk ahead of the log it was read from.
 * <p>
 * The MVStore is opened with auto-commit disabled: a background commit could otherwise persist
 * a document without its unique-index entry. Write commands run under a shared lock and the
 * commit under the exclusive one, so every commit is a snapshot between whole commands.
 * Concurrent writers share commits and forces (group commit): whoever commits first covers every
 * write that had finished by then, and the writers that finish during its force share the next one.
 * Background commits (the flush, compaction) are forced too, though nobody waits for them: with
 * the one-second chunk retention the store runs with, a chunk freed by an unforced commit could
 * otherwise be overwritten before the pages that replaced it reached the disk. A failed force
 * closes the store, as H2 does itself when a write fails: what it holds in memory is then not known
 * to be on disk, so a closed store answers no command (its maps would still read from memory) until
 * it is reopened from its file.
 */
public class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of(
            "insert", "update", "delete", "findandmodify", "createindexes", "create",
            "drop", "dropindexes", "dropdatabase", "renamecollection");

    static final int FLUSH_MILLIS = 200;
    /** Bytes rewritten per compaction step: writes wait while it runs, so it runs often and briefly. */
    private static final int COMPACT_BYTES = 2 * 1024 * 1024;
    private static final Set<String> DOCUMENT_WRITES = Set.of("insert", "update", "delete", "findandmodify");

    private final Predicate<String> durableCollection;
    private final ReentrantReadWriteLock commandLock = new ReentrantReadWriteLock();
    private final Object commitMonitor = new Object();
    private final AtomicLong finishedWrites = new AtomicLong();
    private long durableWrites;
    private final AtomicLong fileCommits = new AtomicLong();
    private final AtomicLong fileCommitNanos = new AtomicLong();
    private final AtomicLong fileForces = new AtomicLong();
    private final AtomicLong fileForceNanos = new AtomicLong();
    /** The file store's write count that the last successful force covered. */
    private final AtomicLong forcedWriteCount = new AtomicLong(-1);
    private final AtomicInteger compactionHolds = new AtomicInteger();
    private final AtomicLong compactions = new AtomicLong();

    private final java.util.concurrent.ScheduledExecutorService housekeeping =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "ledger-store-compaction");
                t.setDaemon(true);
                return t;
            });

    public DurableH2Backend(MVStore store, Predicate<String> durableCollection) {
        super(store);
        this.durableCollection = durableCollection;
        // Without auto-commit the MVStore never rewrites sparse chunks by itself: every commit leaves a
        // chunk behind and the file grows by kilobytes per event. Rewrite them regularly, and let freed
        // chunks be reused after a second instead of 45.
        store.setRetentionTime(1_000);
        housekeeping.scheduleWithFixedDelay(this::compactChunks, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        housekeeping.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS,
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Commits writes that did not wait for durability; one commit covers every write finished so far. */
    private void flush() {
        try {
            if (!getMvStore().isClosed()) {
                makeDurable(finishedWrites.get());
            }
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(DurableH2Backend.class).warn("Flush skipped: {}", e.getMessage());
        }
    }

    /**
     * Holds compaction off until the returned handle is closed, for bulk work (a rebuild) whose
     * rewritten pages would otherwise be compacted again and again while it runs; compaction catches
     * up afterwards at its usual pace.
     */
    public AutoCloseable holdCompaction() {
        compactionHolds.incrementAndGet();
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                compactionHolds.decrementAndGet();
            }
        };
    }

    /** True while some bulk work holds compaction off. */
    public boolean compactionHeld() {
        return compactionHolds.get() > 0;
    }

    /** Compaction steps run so far. */
    long compactions() {
        return compactions.get();
    }

    void compactChunks() {
        if (compactionHolds.get() > 0) {
            return;
        }
        compactions.incrementAndGet();
        try {
            commandLock.writeLock().lock();
            try {
                if (getMvStore().isClosed()) {
                    return;
                }
                getMvStore().compact(80, COMPACT_BYTES);
                getMvStore().commit();
            } finally {
                commandLock.writeLock().unlock();
            }
            force();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(DurableH2Backend.class).warn("Compaction skipped: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        // not shutdownNow: an interrupt during a flush's write or force closes the store's file channel
        housekeeping.shutdown();
        try {
            housekeeping.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        commandLock.writeLock().lock();
        try {
            if (!getMvStore().isClosed()) {
                getMvStore().compactFile(2_000);
            }
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(DurableH2Backend.class).warn("Final compaction skipped: {}",
                    e.getMessage());
        } finally {
            commandLock.writeLock().unlock();
        }
        super.close();
    }

    /**
     * Opens (or creates) the MVStore file with auto-commit disabled and compression on; writes to
     * the collections {@code durableCollection} accepts are acknowledged only once on file.
     */
    public static DurableH2Backend open(String fileName, Predicate<String> durableCollection) {
        MVStore store = new MVStore.Builder()
                .fileName(fileName)
                .autoCommitDisabled()
                .compress()
                .open();
        IndexOrderMigration.migrate(store);
        DocumentFormatMigration.migrate(store);
        return new DurableH2Backend(store, durableCollection);
    }

    /** Databases whose unique indexes compare keys by value ({@link TypedKeyOrder}), not serialised. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        if (!IndexOrderMigration.isTyped(getMvStore()) || !DocumentFormatMigration.isBson(getMvStore())) {
            throw new IllegalStateException("the store file is in mongo-java-server's old format (index key "
                    + "order, Java-serialised documents): open it with DurableH2Backend.open");
        }
        return LedgerH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (getMvStore().isClosed()) {
            // a closed store's maps still answer from memory, which may hold writes that never reached the disk
            throw new MongoServerException("the store file is closed (a write or a force to the disk failed): "
                    + "restart to reopen it from its file");
        }
        if (!WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
            return whilePinned(() -> super.handleCommand(channel, databaseName, command, query));
        }
        long ticket;
        commandLock.readLock().lock();
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            ticket = finishedWrites.incrementAndGet();
            commandLock.readLock().unlock();
            if (mustWait(command, query)) {
                makeDurable(ticket);
            }
        }
    }

    /**
     * Runs a read with the store's current version pinned. A query reads the tree it started on for as
     * long as it runs (mongo-java-server materialises every result), and without the pin compaction
     * and commits may free that tree's chunks after the retention time: a long read (a verification
     * of the whole log, a report over many documents) then failed with "Chunk … not found".
     */
    <T> T whilePinned(Supplier<T> read) {
        MVStore.TxCounter pin = getMvStore().registerVersionUsage();
        try {
            return read.get();
        } finally {
            getMvStore().deregisterVersionUsage(pin);
        }
    }

    /** Writes to a durable collection, and every command that changes collections or indexes, wait. */
    private boolean mustWait(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (!DOCUMENT_WRITES.contains(name)) {
            return true;
        }
        Object collection = query.get(command);
        return !(collection instanceof String c) || durableCollection.test(c);
    }

    private void makeDurable(long ticket) {
        synchronized (commitMonitor) {
            if (durableWrites >= ticket) {
                return;
            }
            long start = System.nanoTime();
            long upTo;
            commandLock.writeLock().lock();
            try {
                upTo = finishedWrites.get();
                getMvStore().commit();
            } finally {
                commandLock.writeLock().unlock();
                fileCommits.incrementAndGet();
                fileCommitNanos.addAndGet(System.nanoTime() - start);
            }
            force();
            durableWrites = upTo;
        }
    }

    /**
     * Forces everything written to the file so far to the disk, unless an earlier force covered it.
     * Runs outside the command lock, so commands go on in memory meanwhile; if it fails, the store
     * is closed and the failure thrown.
     */
    private void force() {
        long written = getMvStore().getFileStore().getWriteCount();
        if (written <= forcedWriteCount.get()) {
            return;
        }
        long start = System.nanoTime();
        try {
            getMvStore().sync();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(DurableH2Backend.class).error(
                    "Forcing the store file to disk failed; closing the store, reopen it from its file", e);
            getMvStore().closeImmediately();
            throw e;
        } finally {
            fileForceNanos.addAndGet(System.nanoTime() - start);
        }
        fileForces.incrementAndGet();
        forcedWriteCount.accumulateAndGet(written, Math::max);
    }

    /** Forces of the file to the disk so far, for the {@code ledger_store_forces} meter. */
    public long fileForces() {
        return fileForces.get();
    }

    /** Seconds spent forcing the file to the disk so far. */
    public double fileForceSeconds() {
        return fileForceNanos.get() / 1e9;
    }

    /** Write commands finished so far, durable or not. */
    long finishedWrites() {
        return finishedWrites.get();
    }

    /** File commits so far, for the {@code ledger_store_commits} meter. */
    public long fileCommits() {
        return fileCommits.get();
    }

    /** Seconds spent in file commits so far, waiting for the lock included. */
    public double fileCommitSeconds() {
        return fileCommitNanos.get() / 1e9;
    }

    /** Rewrites sparse chunks so the file does not grow without bound; safe while serving. */
    public void compact(int maxMillis) {
        commandLock.writeLock().lock();
        try {
            getMvStore().compactFile(maxMillis);
        } finally {
            commandLock.writeLock().unlock();
        }
    }
}
