package id.sakip.ledger.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

import id.sakip.ledger.eventstore.embedded.EmbeddedMongoStore;
import id.sakip.ledger.eventstore.embedded.PowerCutFilePath;

/**
 * A power cut while four threads append and a projection folds them: the disk keeps only what was
 * forced, or any prefix of the writes since (the last one torn). After reopening, every acknowledged
 * append is in the log, the chain verifies (also offline, {@code verify --data-dir}), no stored token is
 * ahead of the log, and the projection catches up to exactly what a rebuild from the log gives.
 */
class PowerCutTest {

    private static final String PROJECTION = "power-tallies";
    private static final int ACKS_BEFORE_CUT = 300;

    @TempDir
    Path dir;

    @BeforeAll
    static void registerFileSystem() {
        PowerCutFilePath.register();
    }

    @Test
    void everyAcknowledgedAppendSurvivesAPowerCutThatLosesEverythingNotForced() throws Exception {
        Path file = dir.resolve(EmbeddedMongoStore.FILE_NAME);
        Run run = appendUntilThePowerIsCut(file, false);

        try (TestStore reopened = TestStore.embeddedOnFile(PowerCutFilePath.fileName(file))) {
            assertRecovered(reopened, run.acknowledged());
        }
        System.out.printf("power cut: %d appends acknowledged, %d unforced bytes lost, every acknowledged one kept%n",
                run.acknowledged().size(), run.cut().lostBytes());
    }

    @Test
    void everyPrefixOfTheLostWritesWithATornLastWriteOpensWithEveryAcknowledgedAppend() throws Exception {
        Run run = appendUntilThePowerIsCut(dir.resolve(EmbeddedMongoStore.FILE_NAME), true);
        long lost = run.cut().lostBytes();
        assertThat(lost).as("bytes written since the last force").isPositive();
        Random random = new Random(20261201L);
        List<Long> kept = new ArrayList<>(List.of(0L, lost));
        for (int i = 0; i < 6; i++) {
            kept.add(lost == 0 ? 0 : (long) (random.nextDouble() * lost));
        }
        for (long bytes : kept) {
            Path image = Files.createDirectories(dir.resolve("kept-" + bytes));
            run.cut().writeImage(bytes, image.resolve(EmbeddedMongoStore.FILE_NAME));
            try (TestStore reopened = TestStore.embedded(image)) {
                assertRecovered(reopened, run.acknowledged());
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            assertThat(LedgerCli.run(new String[] {"verify", "--data-dir=" + image}, new java.io.PrintStream(out)))
                    .as("verify --data-dir on the image: %s", out).isZero();
        }
        System.out.printf("power cut: %d appends acknowledged; %d images keeping 0 to %d of the lost bytes all open%n",
                run.acknowledged().size(), kept.size(), lost);
    }

    @Test
    void anAppendWhoseForceFailsIsNotAcknowledgedAndTheStoreAnswersNothingMore() throws Exception {
        Path file = dir.resolve(EmbeddedMongoStore.FILE_NAME);
        TestStore store = TestStore.embeddedOnFile(PowerCutFilePath.fileName(file));
        CommitLog log = store.commitLog();
        LedgerEventStorageEngine engine = store.engine(log);
        engine.appendEvents(TestEvents.increment("fsync", 0, 1));
        DomainEventMessage<?> failing = TestEvents.increment("fsync", 1, 1);
        PowerCutFilePath.disk(file).failForces();

        assertThatThrownBy(() -> engine.appendEvents(failing)).as("an append whose force failed")
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> store.database().getCollection(StoredCommit.COLLECTION).find().first())
                .as("a read after the failed force").isInstanceOf(RuntimeException.class);
        PowerCutFilePath.disk(file).cutPower();
        close(store, log);

        try (TestStore reopened = TestStore.embeddedOnFile(PowerCutFilePath.fileName(file));
             CommitLog reopenedLog = reopened.commitLog()) {
            List<String> ids = eventIds(reopened.engine(reopenedLog));
            assertThat(ids).hasSize(1).doesNotContain(failing.getIdentifier());
        }
    }

    /** What one run acknowledged before the cut, and what the cut took. */
    private record Run(Set<String> acknowledged, PowerCutFilePath.PowerCut cut) {
    }

    /**
     * Appends from four threads while the projector folds, and cuts the power once enough appends were
     * acknowledged; with {@code duringAForce}, while a force is under way with its commit's bytes unforced.
     */
    private Run appendUntilThePowerIsCut(Path file, boolean duringAForce) throws Exception {
        TestStore store = TestStore.embeddedOnFile(PowerCutFilePath.fileName(file));
        CommitLog log = store.commitLog();
        LedgerEventStorageEngine engine = store.engine(log);
        Projector projector = new Projector(store.database(), engine);
        projector.initialise();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        Semaphore appended = new Semaphore(0);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String aggregate = "power-" + t;
            threads.add(new Thread(() -> {
                for (long seq = 0; running.get(); seq++) {
                    DomainEventMessage<?> event = TestEvents.increment(aggregate, seq, 1 + seq % 7);
                    try {
                        engine.appendEvents(event);
                    } catch (RuntimeException powerOff) {
                        return;
                    }
                    acknowledged.add(event.getIdentifier());
                    appended.release();
                }
            }, "appender-" + t));
        }
        threads.add(new Thread(() -> {
            try {
                while (running.get()) {
                    if (appended.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                        appended.drainPermits();
                        projector.foldNextBatch();
                    }
                }
            } catch (RuntimeException | InterruptedException powerOff) {
                running.set(false);
            }
        }, "projector"));
        threads.forEach(Thread::start);
        Awaitility.await("acknowledged appends and stored tokens").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> acknowledged.size() >= ACKS_BEFORE_CUT && projector.storedTokens.get() >= 5);

        PowerCutFilePath.Disk disk = PowerCutFilePath.disk(file);
        if (duringAForce) {
            disk.holdForces();
            Awaitility.await("a force under way").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                    .until(() -> disk.forcesWaiting() > 0 && disk.unforcedBytes() > 0);
        }
        PowerCutFilePath.PowerCut cut = disk.cutPower();
        running.set(false);
        for (Thread thread : threads) {
            thread.join(30_000);
            assertThat(thread.isAlive()).as(thread.getName() + " stopped").isFalse();
        }
        close(store, log);
        return new Run(Set.copyOf(acknowledged), cut);
    }

    /** Closes a store whose file is gone: nothing it still had in memory reaches the disk. */
    private static void close(TestStore store, CommitLog log) {
        log.close();
        try {
            store.embeddedStore().backend().getMvStore().closeImmediately();
        } catch (RuntimeException alreadyClosed) {
            // a failed force has closed it already
        }
        store.close();
    }

    private static void assertRecovered(TestStore store, Set<String> acknowledged) {
        try (CommitLog log = store.commitLog()) {
            LedgerEventStorageEngine engine = store.engine(log);
            List<TrackedEventMessage<?>> events = allEvents(engine);
            List<String> ids = events.stream().map(TrackedEventMessage::getIdentifier).toList();
            assertThat(new HashSet<>(ids)).as("no event stored twice").hasSize(ids.size());
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(ids);
            assertThat(lost).as("acknowledged but lost, of %d acknowledged", acknowledged.size()).isEmpty();
            VerificationResult verified = new ChainVerifier(store.database()).verify();
            assertThat(verified.verified()).as(verified.toString()).isTrue();

            long head = position(events.get(events.size() - 1).trackingToken());
            Projector projector = new Projector(store.database(), engine);
            assertThat(projector.tokenPosition()).as("the stored token, against the log's head").isLessThanOrEqualTo(head);
            for (Document book : projector.books()) {
                long upTo = book.getLong("position");
                assertThat(upTo).as("a book's position, against the log's head").isLessThanOrEqualTo(head);
                assertThat(book.getLong("total")).as("book %s, against the log up to %d", book.get("_id"), upTo)
                        .isEqualTo(fold(events, upTo).get(book.getString("_id")));
            }
            projector.catchUp();
            Map<String, Long> caughtUp = projector.totals();
            assertThat(caughtUp).as("caught up from the stored token").isEqualTo(fold(events, head));
            projector.rebuild();
            assertThat(projector.totals()).as("rebuilt from the log").isEqualTo(caughtUp);
        }
    }

    private static List<TrackedEventMessage<?>> allEvents(LedgerEventStorageEngine engine) {
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
            return new ArrayList<>(stream.toList());
        }
    }

    private static List<String> eventIds(LedgerEventStorageEngine engine) {
        return allEvents(engine).stream().map(TrackedEventMessage::getIdentifier).toList();
    }

    private static long position(TrackingToken token) {
        return ((GlobalSequenceTrackingToken) token).getGlobalIndex();
    }

    /** Each counter's total over the events up to {@code upTo}. */
    private static Map<String, Long> fold(List<TrackedEventMessage<?>> events, long upTo) {
        Map<String, Long> totals = new TreeMap<>();
        for (TrackedEventMessage<?> e : events) {
            if (position(e.trackingToken()) <= upTo) {
                TestEvents.CounterIncremented c = (TestEvents.CounterIncremented) e.getPayload();
                totals.merge(c.counterId(), c.by(), Long::sum);
            }
        }
        return totals;
    }

    /**
     * A projection written as the ledger's are, without transactions: each batch writes its books (lazy,
     * as read models are), then its token. A book keeps the position it has folded up to, so a batch
     * delivered again after a crash is folded once.
     */
    private static final class Projector {

        private final MongoCollection<Document> books;
        private final MongoTokenStore tokens;
        private final LedgerEventStorageEngine engine;
        private final AtomicLong storedTokens = new AtomicLong();
        private TrackingToken token;

        Projector(MongoDatabase database, LedgerEventStorageEngine engine) {
            this.books = database.getCollection("power_books");
            this.tokens = new MongoTokenStore(database, TestEvents.serializer(), Clock.systemUTC(),
                    Duration.ofSeconds(10), "power-test");
            this.engine = engine;
        }

        void initialise() {
            tokens.initializeTokenSegments(PROJECTION, 1);
            token = tokens.fetchToken(PROJECTION, 0);
        }

        long tokenPosition() {
            return tokens.storedPositions(PROJECTION).values().iterator().next().position();
        }

        List<Document> books() {
            return books.find().into(new ArrayList<>());
        }

        Map<String, Long> totals() {
            Map<String, Long> totals = new TreeMap<>();
            books().forEach(b -> totals.put(b.getString("_id"), b.getLong("total")));
            return totals;
        }

        /** Folds up to 50 events after the token into the books, then stores the token; false when none. */
        boolean foldNextBatch() {
            List<TrackedEventMessage<?>> batch;
            try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(token, false)) {
                batch = new ArrayList<>(stream.limit(50).toList());
            }
            if (batch.isEmpty()) {
                return false;
            }
            Map<String, Document> changed = new HashMap<>();
            for (TrackedEventMessage<?> e : batch) {
                TestEvents.CounterIncremented c = (TestEvents.CounterIncremented) e.getPayload();
                long at = position(e.trackingToken());
                Document book = changed.computeIfAbsent(c.counterId(), id -> {
                    Document stored = books.find(eq("_id", id)).first();
                    return stored != null ? stored : new Document("_id", id).append("total", 0L).append("position", -1L);
                });
                if (at > book.getLong("position")) {
                    book.put("total", book.getLong("total") + c.by());
                    book.put("position", at);
                }
            }
            changed.values().forEach(b -> books.replaceOne(eq("_id", b.getString("_id")), b,
                    new ReplaceOptions().upsert(true)));
            token = batch.get(batch.size() - 1).trackingToken();
            tokens.storeToken(token, PROJECTION, 0);
            storedTokens.incrementAndGet();
            return true;
        }

        void catchUp() {
            token = tokens.fetchToken(PROJECTION, 0);
            boolean folded = true;
            while (folded) {
                folded = foldNextBatch();
            }
        }

        void rebuild() {
            books.drop();
            tokens.storeToken(null, PROJECTION, 0);
            catchUp();
        }
    }
}
