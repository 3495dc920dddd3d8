package id.sakip.ledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import id.sakip.ledger.eventstore.TestEvents.CounterIncremented;

/**
 * What every deployment of the event storage engine must do, whatever MongoDB it runs on.
 * Subclasses provide the database: the in-process server, or an external MongoDB.
 */
abstract class EventStorageEngineContract {

    protected TestStore store;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<MongoClient> extraClients = new ArrayList<>();

    protected abstract TestStore openStore();

    @BeforeEach
    void open() {
        store = openStore();
    }

    @AfterEach
    void close() throws Exception {
        Collections.reverse(closeables);
        for (AutoCloseable c : closeables) {
            c.close();
        }
        closeables.clear();
        extraClients.forEach(MongoClient::close);
        extraClients.clear();
        store.close();
    }

    protected LedgerEventStorageEngine newEngine() {
        CommitLog log = store.commitLog();
        closeables.add(log);
        return store.engine(log);
    }

    private LedgerEventStorageEngine newEngineOnSecondClient() {
        CommitLog log = new CommitLog(store.secondClientDatabase(extraClients), java.time.Clock.systemUTC());
        closeables.add(log);
        return LedgerEventStorageEngine.builder().commitLog(log).database(store.database())
                .eventSerializer(TestEvents.serializer()).snapshotSerializer(TestEvents.serializer()).build();
    }

    protected static List<TrackedEventMessage<?>> readAll(LedgerEventStorageEngine engine) {
        try (var stream = engine.readEvents(null, false)) {
            return stream.collect(Collectors.toList());
        }
    }

    private static long index(TrackedEventMessage<?> m) {
        return ((GlobalSequenceTrackingToken) m.trackingToken()).getGlobalIndex();
    }

    @Test
    void appendsAndReadsBackInGlobalAndAggregateOrder() {
        LedgerEventStorageEngine engine = newEngine();
        engine.appendEvents(TestEvents.increments("A", 0, 2));
        engine.appendEvents(TestEvents.increment("B", 0, 7));
        engine.appendEvents(TestEvents.standalone());
        engine.appendEvents(TestEvents.increment("A", 2, 3));

        List<TrackedEventMessage<?>> all = readAll(engine);
        assertThat(all).extracting(EventStorageEngineContractSupport::index).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(all.get(2).getPayload()).isEqualTo(new CounterIncremented("B", 7, "n0"));
        assertThat(all.get(0).getMetaData()).containsEntry("actorId", "tester");
        assertThat(all.get(3)).isNotInstanceOf(DomainEventMessage.class);

        List<Long> sequences = new ArrayList<>();
        engine.readEvents("A").asStream().forEach(e -> sequences.add(e.getSequenceNumber()));
        assertThat(sequences).containsExactly(0L, 1L, 2L);
        assertThat(engine.readEvents("A", 1).asStream().map(e -> (Object) e.getPayload()))
                .containsExactly(new CounterIncremented("A", 2, "n1"), new CounterIncremented("A", 3, "n2"));
        assertThat(engine.lastSequenceNumberFor("A")).contains(2L);
        assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();
        assertThat(((GlobalSequenceTrackingToken) engine.createHeadToken()).getGlobalIndex()).isEqualTo(5L);
        assertThat(new ChainVerifier(store.database()).verify().verified()).isTrue();
    }

    @Test
    void readsAfterATokenThatPointsInsideACommit() {
        LedgerEventStorageEngine engine = newEngine();
        engine.appendEvents(TestEvents.increments("A", 0, 5));
        engine.appendEvents(TestEvents.increments("B", 0, 2));

        try (var stream = engine.readEvents(new GlobalSequenceTrackingToken(3), false)) {
            assertThat(stream.map(EventStorageEngineContractSupport::index)).containsExactly(4L, 5L, 6L, 7L);
        }
        try (var stream = engine.readEvents(new GlobalSequenceTrackingToken(7), false)) {
            assertThat(stream.count()).isZero();
        }
    }

    @Test
    void fourThreadsOnTwoEnginesAppendAGaplessSequenceWithEveryEventExactlyOnce() throws Exception {
        LedgerEventStorageEngine first = newEngine();
        LedgerEventStorageEngine second = newEngineOnSecondClient();
        int threads = 4;
        int commitsPerThread = 150;
        ExecutorService pool = Executors.newFixedThreadPool(threads * 2);
        Set<String> appended = Collections.synchronizedSet(new HashSet<>());
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads * 2; t++) {
            LedgerEventStorageEngine engine = t % 2 == 0 ? first : second;
            String aggregatePrefix = "agg-" + t + "-";
            futures.add(pool.submit(() -> {
                for (int c = 0; c < commitsPerThread; c++) {
                    List<DomainEventMessage<?>> events = TestEvents.increments(aggregatePrefix + c, 0, 1 + c % 3);
                    engine.appendEvents(events);
                    events.forEach(e -> appended.add(e.getIdentifier()));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<TrackedEventMessage<?>> all = readAll(first);
        long expectedEvents = (long) threads * 2 * (commitsPerThread / 3) * (1 + 2 + 3);
        assertThat(appended).hasSize((int) expectedEvents);
        assertThat(all).hasSize((int) expectedEvents);
        for (int i = 0; i < all.size(); i++) {
            assertThat(index(all.get(i))).isEqualTo(i + 1L);
        }
        assertThat(all.stream().map(EventMessage::getIdentifier).collect(Collectors.toSet())).isEqualTo(appended);
        VerificationResult result = new ChainVerifier(store.database()).verify();
        assertThat(result.verified()).as(result.toString()).isTrue();
        assertThat(result.events()).isEqualTo(expectedEvents);
    }

    @Test
    void ofTwoConcurrentCommitsAtTheSameAggregateSequenceExactlyOneWins() throws Exception {
        LedgerEventStorageEngine first = newEngine();
        LedgerEventStorageEngine second = newEngineOnSecondClient();
        first.appendEvents(TestEvents.increment("contested", 0, 1));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicInteger conflicts = new AtomicInteger();
        for (long seq = 1; seq <= 40; seq++) {
            CyclicBarrier barrier = new CyclicBarrier(2);
            long s = seq;
            List<Future<Boolean>> results = new ArrayList<>();
            for (LedgerEventStorageEngine engine : List.of(first, second)) {
                results.add(pool.submit(() -> {
                    barrier.await();
                    try {
                        engine.appendEvents(TestEvents.increment("contested", s, 1));
                        return true;
                    } catch (ConcurrencyException e) {
                        conflicts.incrementAndGet();
                        return false;
                    }
                }));
            }
            int wins = 0;
            for (Future<Boolean> r : results) {
                wins += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(wins).as("winners at sequence %d", s).isEqualTo(1);
        }
        pool.shutdown();
        assertThat(conflicts).hasValue(40);
        assertThat(first.readEvents("contested").asStream().count()).isEqualTo(41);
        assertThat(new ChainVerifier(store.database()).verify().verified()).isTrue();
    }

    @Test
    void aConflictingCommitAppendsNothingAndTheNextOneStillFits() {
        LedgerEventStorageEngine engine = newEngine();
        engine.appendEvents(TestEvents.increments("A", 0, 2));
        assertThatThrownBy(() -> engine.appendEvents(TestEvents.increments("A", 1, 2)))
                .isInstanceOf(ConcurrencyException.class);
        engine.appendEvents(TestEvents.increment("A", 2, 9));
        assertThat(readAll(engine)).extracting(EventStorageEngineContractSupport::index).containsExactly(1L, 2L, 3L);
        assertThat(new ChainVerifier(store.database()).verify().verified()).isTrue();
    }

    @Test
    void twoEventsAtOneAggregateSequenceInOneCommitAreRefusedAndNothingOfItIsStored() {
        LedgerEventStorageEngine engine = newEngine();
        engine.appendEvents(TestEvents.increment("A", 0, 1));

        assertThatThrownBy(() -> engine.appendEvents(TestEvents.increment("A", 1, 1), TestEvents.increment("B", 0, 1),
                TestEvents.increment("A", 1, 2)))
                .isInstanceOf(ConcurrencyException.class)
                .hasMessageContaining("A");

        assertThat(readAll(engine)).hasSize(1);
        assertThat(engine.readEvents("B").asStream()).isEmpty();
        engine.appendEvents(TestEvents.increment("A", 1, 2));
        assertThat(engine.readEvents("A").asStream().map(DomainEventMessage::getSequenceNumber)).containsExactly(0L, 1L);
        assertThat(new ChainVerifier(store.database()).verify().verified()).isTrue();
    }

    @Test
    void aSecondFirstEventOfAnAggregateIsRefusedAtOnceAsAnExistingAggregateNamedInTheRefusal() {
        LedgerEventStorageEngine engine = newEngine();
        engine.appendEvents(TestEvents.increments("A", 0, 2));

        assertThatThrownBy(() -> engine.appendEvents(TestEvents.increment("B", 0, 1), TestEvents.increment("A", 0, 1)))
                .isInstanceOfSatisfying(AggregateAlreadyExists.class, e -> {
                    assertThat(e.aggregateIdentifier()).isEqualTo("A");
                    assertThat(e.aggregateType()).isEqualTo("Counter");
                })
                .isNotInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(TestEvents.increment("A", 0, 1), TestEvents.increment("A", 0, 1)))
                .isInstanceOf(AggregateAlreadyExists.class);
        assertThatThrownBy(() -> engine.appendEvents(TestEvents.increment("B", 0, 1), TestEvents.increment("A", 1, 1)))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(readAll(engine)).hasSize(2);
    }

    @Test
    void anOlderSnapshotNeverReplacesANewerOne() {
        LedgerEventStorageEngine engine = newEngine();
        engine.storeSnapshot(new GenericDomainEventMessage<>("Counter", "S", 9, new CounterIncremented("S", 10, "new")));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Counter", "S", 4, new CounterIncremented("S", 5, "old")));

        assertThat(engine.readSnapshot("S").orElseThrow().getSequenceNumber()).isEqualTo(9L);

        engine.storeSnapshot(new GenericDomainEventMessage<>("Counter", "S", 12, new CounterIncremented("S", 13, "newer")));
        assertThat(engine.readSnapshot("S").orElseThrow().getPayload()).isEqualTo(new CounterIncremented("S", 13, "newer"));
    }

    @Test
    void verificationReportsAProperlyHashedCommitWhoseStreamKeysDoNotMatchItsEvents() {
        LedgerEventStorageEngine engine = newEngine();
        engine.appendEvents(TestEvents.increments("A", 0, 2));
        ChainVerifier verifier = new ChainVerifier(store.database());
        VerificationResult head = verifier.verify();
        MongoCollection<Document> commits = store.database().getCollection(StoredCommit.COLLECTION);

        Document folded = handWrittenCommit(head, List.of(stored("K", 0), stored("K", 0)));
        folded.put(StoredCommit.KEYS, List.of("K#0"));
        commits.insertOne(folded);
        VerificationResult repeated = verifier.verify();
        assertThat(repeated.verified()).as(repeated.toString()).isFalse();
        assertThat(repeated.brokenAtSequence()).isEqualTo(3L);
        assertThat(repeated.reason()).isEqualTo("commit 3 holds two events at aggregate sequence K#0");

        commits.deleteOne(Filters.eq("_id", 3L));
        Document unguarded = handWrittenCommit(head, List.of(stored("K", 0), stored("K", 1)));
        unguarded.put(StoredCommit.KEYS, List.of("K#0"));
        commits.insertOne(unguarded);
        VerificationResult missingKey = verifier.verify();
        assertThat(missingKey.verified()).isFalse();
        assertThat(missingKey.brokenAtSequence()).isEqualTo(3L);
        assertThat(missingKey.reason()).isEqualTo("stream keys of commit 3 do not match its events");
    }

    /** A commit after {@code head} written by hand, hashed and chained exactly as the commit log would. */
    private static Document handWrittenCommit(VerificationResult head, List<StoredEvent> events) {
        long first = head.headSequence() + 1;
        long last = first + events.size() - 1;
        String at = "2026-12-01T00:00:00Z";
        String hash = CommitHasher.hash(first, last, at, "by-hand", events, head.headHash());
        return new StoredCommit(first, last, at, "by-hand", events, head.headHash(), hash).toDocument();
    }

    private static StoredEvent stored(String aggregate, long sequence) {
        return new StoredEvent(java.util.UUID.randomUUID().toString(), "Counter", aggregate, sequence,
                CounterIncremented.class.getName(), "1", "2026-12-01T00:00:00Z",
                "{\"counterId\":\"" + aggregate + "\",\"by\":1,\"note\":\"x\"}", "{}");
    }

    @Test
    void theCommitsKeptAfterReadingHoldABoundedNumberOfEventsHoweverLargeEachCommitIs() {
        CommitLog log = store.commitLog();
        closeables.add(log);
        LedgerEventStorageEngine engine = store.engine(log);
        for (int c = 0; c < 40; c++) {
            engine.appendEvents(TestEvents.increments("import-" + c, 0, 1_000));
        }
        for (int c = 0; c < 700; c++) {
            engine.appendEvents(TestEvents.increments("entry-" + c, 0, 1));
        }
        for (long first = 1; first <= 40_000; first += 1_000) {
            assertThat(log.fetchByIds(first, 1)).containsKey(first);
        }
        assertThat(log.recentlyReadSize()).as("commits and events held: the last 16 imports")
                .containsExactly(16, 16_000);

        assertThat(log.fetchByIds(40_001, 300)).hasSize(300);
        assertThat(log.recentlyReadSize()).as("300 entries more, still within the bound").containsExactly(316, 16_300);

        assertThat(log.fetchByIds(40_301, 400)).hasSize(400);
        assertThat(log.recentlyReadSize()).as("the eldest import left for the 400 entries")
                .containsExactly(15 + 700, 15_000 + 700);
        assertThat(log.fetchByIds(40_001, 700)).as("the entries are read from the cache").hasSize(700);
        assertThat(log.recentlyReadSize()).containsExactly(715, 15_700);
    }

    @Test
    void aReplayFromTheTailStreamsTheWholeLogInOrder() {
        LedgerEventStorageEngine engine = newEngine();
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < 700; c++) {
            List<DomainEventMessage<?>> events = TestEvents.increments("r" + (c % 50), c / 50 * 4L, 4);
            engine.appendEvents(events);
            events.forEach(e -> ids.add(e.getIdentifier()));
        }
        List<TrackedEventMessage<?>> replay = readAll(engine);
        assertThat(replay).extracting(EventMessage::getIdentifier).containsExactlyElementsOf(ids);
        for (int i = 0; i < replay.size(); i++) {
            assertThat(index(replay.get(i))).isEqualTo(i + 1L);
        }
        try (var stream = engine.readEvents(new GlobalSequenceTrackingToken(1001), false)) {
            assertThat(stream.map(EventMessage::getIdentifier).toList()).isEqualTo(ids.subList(1001, ids.size()));
        }
    }

    @Test
    void theLatestSnapshotIsLoadedAndOnlyLaterEventsAreRead() {
        LedgerEventStorageEngine engine = newEngine();
        for (int c = 0; c < 150; c++) {
            engine.appendEvents(TestEvents.increment("S", c, 1));
        }
        engine.storeSnapshot(new GenericDomainEventMessage<>("Counter", "S", 49, new CounterIncremented("S", 50, "snap")));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Counter", "S", 99, new CounterIncremented("S", 100, "snap")));
        DomainEventMessage<?> snapshot = engine.readSnapshot("S").orElseThrow();
        assertThat(snapshot.getSequenceNumber()).isEqualTo(99L);
        assertThat(snapshot.getPayload()).isEqualTo(new CounterIncremented("S", 100, "snap"));
        assertThat(engine.readEvents("S", 100).asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactlyElementsOf(java.util.stream.LongStream.range(100, 150).boxed().toList());
        assertThat(engine.readSnapshot("none")).isEmpty();
    }

    @Test
    void verificationFailsAtExactlyTheCommitThatWasAlteredDeletedOrReordered() {
        LedgerEventStorageEngine engine = newEngine();
        for (int c = 0; c < 20; c++) {
            engine.appendEvents(TestEvents.increments("V" + c, 0, 2));
        }
        ChainVerifier verifier = new ChainVerifier(store.database());
        VerificationResult clean = verifier.verify();
        assertThat(clean.verified()).isTrue();
        assertThat(clean.commits()).isEqualTo(20);
        assertThat(clean.events()).isEqualTo(40);
        assertThat(clean.headSequence()).isEqualTo(40L);
        MongoCollection<Document> commits = store.database().getCollection(StoredCommit.COLLECTION);

        Document eleventh = commits.find(Filters.eq("_id", 21L)).first();
        String original = eleventh.getList("ev", Document.class).get(0).getString("pl");
        commits.updateOne(Filters.eq("_id", 21L), Updates.set("ev.0.pl", original.replace("\"by\":1", "\"by\":1000")));
        VerificationResult altered = verifier.verify();
        assertThat(altered.verified()).isFalse();
        assertThat(altered.brokenAtSequence()).isEqualTo(21L);
        assertThat(altered.foundHash()).isEqualTo(eleventh.getString("hash"));
        assertThat(altered.expectedHash()).isNotEqualTo(altered.foundHash());
        commits.replaceOne(Filters.eq("_id", 21L), eleventh);
        assertThat(verifier.verify().verified()).isTrue();

        Document seventh = commits.find(Filters.eq("_id", 13L)).first();
        commits.deleteOne(Filters.eq("_id", 13L));
        VerificationResult deleted = verifier.verify();
        assertThat(deleted.verified()).isFalse();
        assertThat(deleted.brokenAtSequence()).isEqualTo(13L);
        commits.insertOne(seventh);
        assertThat(verifier.verify().verified()).isTrue();

        Document a = commits.find(Filters.eq("_id", 5L)).first();
        Document b = commits.find(Filters.eq("_id", 7L)).first();
        commits.updateOne(Filters.eq("_id", 5L), Updates.combine(Updates.set("ev", b.get("ev")),
                Updates.set("hash", b.getString("hash"))));
        commits.updateOne(Filters.eq("_id", 7L), Updates.combine(Updates.set("ev", a.get("ev")),
                Updates.set("hash", a.getString("hash"))));
        VerificationResult reordered = verifier.verify();
        assertThat(reordered.verified()).isFalse();
        assertThat(reordered.brokenAtSequence()).isEqualTo(5L);
    }

    @Test
    void aSavedDigestIsExtendedByLaterAppendsButNotByARewrittenPast() {
        LedgerEventStorageEngine engine = newEngine();
        for (int c = 0; c < 10; c++) {
            engine.appendEvents(TestEvents.increment("D" + c, 0, 1));
        }
        ChainVerifier verifier = new ChainVerifier(store.database());
        VerificationResult at10 = verifier.verify();
        LedgerDigest digest = new LedgerDigest(at10.headSequence(), at10.headHash(), "2026-01-01T00:00:00Z");
        for (int c = 10; c < 15; c++) {
            engine.appendEvents(TestEvents.increment("D" + c, 0, 1));
        }
        assertThat(verifier.verify(digest).verified()).isTrue();
        assertThat(verifier.verify(new LedgerDigest(10, "f".repeat(64), "x")).verified()).isFalse();
        assertThat(verifier.verify(new LedgerDigest(99, at10.headHash(), "x")).verified()).isFalse();
    }

    @Test
    void aSavedDigestCatchesATruncatedLogAndARecomputedChainThatPlainVerificationCannot() {
        LedgerEventStorageEngine engine = newEngine();
        for (int c = 0; c < 10; c++) {
            engine.appendEvents(TestEvents.increment("T" + c, 0, 1));
        }
        ChainVerifier verifier = new ChainVerifier(store.database());
        VerificationResult at10 = verifier.verify();
        LedgerDigest digest = new LedgerDigest(at10.headSequence(), at10.headHash(), "2026-01-01T00:00:00Z");
        MongoCollection<Document> commits = store.database().getCollection(StoredCommit.COLLECTION);
        LedgerDigest digestAt8 = new LedgerDigest(8, commits.find(Filters.eq("_id", 8L)).first().getString("hash"),
                "2026-01-01T00:00:00Z");
        assertThat(verifier.verify(digestAt8).verified()).isTrue();

        commits.deleteMany(Filters.gte("_id", 9L));
        assertThat(verifier.verify().verified()).as("a shorter chain still links up").isTrue();
        VerificationResult truncated = verifier.verify(digest);
        assertThat(truncated.verified()).isFalse();
        assertThat(truncated.reason()).contains("removed");

        // rewrite the past and recompute every hash after it: the chain links up again
        List<Document> rest = commits.find().sort(new Document("_id", 1)).into(new ArrayList<>());
        String previous = CommitHasher.GENESIS;
        for (Document d : rest) {
            StoredCommit c = StoredCommit.fromDocument(d);
            List<StoredEvent> events = c.events();
            if (c.first() == 3) {
                StoredEvent e = events.get(0);
                events = List.of(new StoredEvent(e.eventId(), e.aggregateType(), e.aggregateId(), e.sequence(),
                        e.payloadType(), e.revision(), e.timestamp(), e.payload().replace("\"by\":1", "\"by\":9"),
                        e.metaData()));
            }
            String hash = CommitHasher.hash(c.first(), c.last(), c.committedAt(), c.commitId(), events, previous);
            commits.replaceOne(Filters.eq("_id", c.first()), new StoredCommit(c.first(), c.last(), c.committedAt(),
                    c.commitId(), events, previous, hash).toDocument());
            previous = hash;
        }
        assertThat(verifier.verify().verified()).as("a recomputed chain verifies on its own").isTrue();
        VerificationResult rewritten = verifier.verify(digestAt8);
        assertThat(rewritten.verified()).as("but not against a digest saved before").isFalse();
        assertThat(rewritten.brokenAtSequence()).isEqualTo(8L);
    }

    @Test
    void anUpcasterChainIsAppliedWhenEventsAreRead() {
        CommitLog log = store.commitLog();
        closeables.add(log);
        LedgerEventStorageEngine plain = store.engine(log);
        plain.appendEvents(TestEvents.increment("U", 0, 5));
        LedgerEventStorageEngine upcasting = store.engine(log, new TestUpcaster());
        Object payload = upcasting.readEvents("U").next().getPayload();
        assertThat(payload).isEqualTo(new TestUpcaster.CounterIncrementedV2("U", 5, "n0", "IDR"));
    }
}

/** Small helpers shared by the contract tests. */
final class EventStorageEngineContractSupport {
    private EventStorageEngineContractSupport() {
    }

    static long index(TrackedEventMessage<?> m) {
        return ((GlobalSequenceTrackingToken) m.trackingToken()).getGlobalIndex();
    }
}
