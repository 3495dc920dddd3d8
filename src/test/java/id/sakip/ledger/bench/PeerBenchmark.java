package id.sakip.ledger.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * The same event-store workload through Axon's {@link EventStorageEngine} for the ledger's engine and the
 * engines a user would pick instead ({@link PeerStores}): appends of one event per call at 1, 4 and 16
 * threads, 4 threads racing on one aggregate, a replay of the whole store, the load of a 10 000-event
 * aggregate, and the forces to the disk per acknowledged append. Every peer runs in every round; each
 * round opens every store fresh; the figures are the rounds' medians with their spread.
 */
final class PeerBenchmark {

    private static final MetaData META = MetaData.with("actorId", "bench").and("actorRole", "ADMIN");
    private static final int LOAD_BATCH = 500;
    private static final int[] THREADS = {1, 4, 16};

    /** The event every peer stores: the fields of a realisation, as plain values. */
    public record BenchRealised(String organisationId, int fiscalYear, String entryId, String lineId, long amount,
                                String valueDate, String document, String description) {
    }

    /**
     * The workload's sizes; {@code bench.scale} shrinks them to prove the harness at tiny scale. The warm-up
     * rounds run the whole workload on every peer first and are not counted: on 2 cores the JIT compilers
     * otherwise take most of a core through the first rounds, and the engines written in Java (ours, the
     * Mongo extension's, H2) pay for it while PostgreSQL's server is native code.
     */
    record Sizes(int appendsPerLevel, int oneAggregateAttempts, int replayEvents, int aggregateEvents,
                 int replaySecondsCap, int rounds, int warmupRounds) {

        static Sizes of(boolean quick, double scale) {
            return new Sizes(scaled(quick ? 1_000 : 4_000, scale, 16), scaled(400, scale, 8),
                    scaled(quick ? 50_000 : 200_000, scale, LOAD_BATCH), scaled(10_000, scale, 10),
                    quick ? 20 : 90, Integer.getInteger("bench.peers.rounds", 2),
                    Integer.getInteger("bench.peers.warmupRounds", 1));
        }

        private static int scaled(int size, double scale, int least) {
            return Math.max(least, (int) Math.round(size * scale));
        }
    }

    private final Sizes sizes;
    private final Path work;
    private final Set<String> only;
    private long entry;

    PeerBenchmark(Sizes sizes, Path work, Set<String> only) {
        this.sizes = sizes;
        this.work = work;
        this.only = only;
    }

    /** Runs every round over every peer; returns {@code peers.<key>.<figure>} as a nested map. */
    Map<String, Object> run() throws Exception {
        List<PeerStores.Kind> kinds = PeerStores.kinds().stream()
                .filter(k -> only.isEmpty() || only.contains(k.key())).toList();
        Map<String, List<Map<String, Object>>> rounds = new LinkedHashMap<>();
        Map<String, String> notRun = new LinkedHashMap<>();
        for (int round = 1 - sizes.warmupRounds(); round <= sizes.rounds(); round++) {
            for (PeerStores.Kind kind : kinds) {
                if (kind.notRunReason() != null || notRun.containsKey(kind.key())) {
                    notRun.putIfAbsent(kind.key(), kind.notRunReason());
                    continue;
                }
                boolean warmup = round < 1;
                System.out.printf("peers, %s: %s%n", warmup ? "warm-up round (not counted)" : "round " + round,
                        kind.description());
                try (PeerStores.Peer peer = kind.opener().open(PeerStores.directory(work, kind.key(),
                        round + sizes.warmupRounds()))) {
                    Map<String, Object> figures = round(peer, kind, round + sizes.warmupRounds());
                    if (!warmup) {
                        rounds.computeIfAbsent(kind.key(), k -> new ArrayList<>()).add(figures);
                    }
                } catch (Exception | LinkageError e) {
                    Throwable root = e;
                    while (root.getCause() != null) {
                        root = root.getCause();
                    }
                    String reason = e.getClass().getSimpleName() + ": " + e.getMessage()
                            + (root != e ? " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : "");
                    System.out.printf("peers: %s not run: %s%n", kind.key(), reason);
                    notRun.put(kind.key(), reason);
                    rounds.remove(kind.key());
                }
            }
        }
        Map<String, Object> peers = new LinkedHashMap<>();
        for (PeerStores.Kind kind : kinds) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("engine", kind.description());
            figures.put("forcing", kind.forcing());
            if (notRun.containsKey(kind.key())) {
                figures.put("notRun", notRun.get(kind.key()));
            } else {
                summarise(rounds.get(kind.key()), figures);
            }
            peers.put(kind.key(), figures);
        }
        Map<String, Object> workload = new LinkedHashMap<>();
        workload.put("appendsPerThreadLevel", sizes.appendsPerLevel());
        workload.put("oneAggregateAttempts", sizes.oneAggregateAttempts());
        workload.put("replayStoreEvents", sizes.replayEvents());
        workload.put("replaySecondsCap", sizes.replaySecondsCap());
        workload.put("aggregateEvents", sizes.aggregateEvents());
        workload.put("rounds", sizes.rounds());
        workload.put("warmupRounds", sizes.warmupRounds());
        peers.put("workload", workload);
        printTable(peers);
        return peers;
    }

    /** One round of the workload on one freshly opened peer. */
    private Map<String, Object> round(PeerStores.Peer peer, PeerStores.Kind kind, int round) throws Exception {
        EventStorageEngine engine = peer.engine();
        Map<String, Object> r = new LinkedHashMap<>();
        for (int threads : THREADS) {
            long syncsBefore = peer.syncs();
            LedgerBenchmark.Interval interval = LedgerBenchmark.Interval.start();
            double[] append = appends(engine, threads, round);
            long syncs = peer.syncs() - syncsBefore;
            interval.printBusiestThreads(kind.key() + " append " + threads + " thread(s)");
            r.put("append" + threads, Math.round(append[0]));
            r.put("append" + threads + "P50Ms", append[1]);
            r.put("append" + threads + "P99Ms", append[2]);
            r.put("append" + threads + "CoresBusy", round(interval.coresBusy()));
            r.put("fsyncPerAppend" + (threads == 4 ? "" : threads), syncsBefore < 0 ? 0.0
                    : round(syncs / (double) sizes.appendsPerLevel()));
            System.out.printf("  append %2d thread(s): %.0f events/s, p50 %.2f ms, p99 %.2f ms, %s forces per append%n",
                    threads, append[0], append[1], append[2], syncsBefore < 0 ? "no" : round(syncs
                            / (double) sizes.appendsPerLevel()));
        }
        Map<String, Object> one = oneAggregate(engine, round);
        r.put("oneAggregate", one);
        long total = loadForReplay(engine, round, (Long) one.get("successes"));
        r.put("aggregate10kMs", aggregateLoad(engine, round));
        LedgerBenchmark.Interval interval = LedgerBenchmark.Interval.start();
        double[] replay = replay(engine, total);
        interval.printBusiestThreads(kind.key() + " replay");
        r.put("replay", Math.round(replay[0]));
        r.put("replayEvents", (long) replay[1]);
        r.put("replayCapped", replay[1] < total);
        r.put("replayCoresBusy", round(interval.coresBusy()));
        System.out.printf("  replay: %.0f events/s over %.0f of %d events%s; aggregate of %d events: %s ms%n",
                replay[0], replay[1], total, replay[1] < total ? " (time cap reached)" : "",
                sizes.aggregateEvents(), r.get("aggregate10kMs"));
        return r;
    }

    private DomainEventMessage<BenchRealised> event(String aggregate, long sequence) {
        long n = ++entry;
        return new GenericDomainEventMessage<>("Budget", aggregate, sequence, new BenchRealised("bench-org", 2025,
                "e" + n, String.valueOf(1 + n % 30), 1 + n % 1000, "2025-05-05", "SP2D-" + n, "belanja " + n), META);
    }

    private synchronized DomainEventMessage<BenchRealised> nextEvent(String aggregate, long sequence) {
        return event(aggregate, sequence);
    }

    /** {@code appendsPerLevel} appends of one event each, every thread on an aggregate of its own: rate, p50, p99. */
    private double[] appends(EventStorageEngine engine, int threads, int round) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong n = new AtomicLong();
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        int count = sizes.appendsPerLevel();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String aggregate = "append-" + threads + "-" + t + "-" + round;
            futures.add(pool.submit(() -> {
                long sequence = 0;
                while (n.getAndIncrement() < count) {
                    DomainEventMessage<BenchRealised> event = nextEvent(aggregate, sequence++);
                    long t0 = System.nanoTime();
                    engine.appendEvents(event);
                    micros.add((System.nanoTime() - t0) / 1_000);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new double[] {count / seconds, percentile(micros, 50), percentile(micros, 99)};
    }

    /**
     * Four threads append to ONE aggregate, each reading the last sequence and appending the next: every
     * append either succeeds or is refused as a conflict, and no sequence may be stored twice.
     */
    Map<String, Object> oneAggregate(EventStorageEngine engine, int round) throws Exception {
        String aggregate = "one-" + round;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicLong attempts = new AtomicLong();
        AtomicLong successes = new AtomicLong();
        AtomicLong conflicts = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Set<String> conflictTypes = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            futures.add(pool.submit(() -> {
                while (attempts.getAndIncrement() < sizes.oneAggregateAttempts()) {
                    long next = engine.lastSequenceNumberFor(aggregate).map(s -> s + 1).orElse(0L);
                    try {
                        engine.appendEvents(nextEvent(aggregate, next));
                        successes.incrementAndGet();
                    } catch (RuntimeException e) {
                        if (isConflict(e)) {
                            conflicts.incrementAndGet();
                            conflictTypes.add(e.getClass().getSimpleName());
                        } else if (errors.getAndIncrement() == 0) {
                            System.out.println("  one aggregate: unexpected " + e);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        List<Long> stored;
        try (Stream<? extends DomainEventMessage<?>> events = engine.readEvents(aggregate).asStream()) {
            stored = events.map(DomainEventMessage::getSequenceNumber).toList();
        }
        Set<Long> distinct = new HashSet<>(stored);
        boolean gapless = distinct.size() == stored.size() && stored.stream().allMatch(s -> s >= 0 && s < stored.size());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("successes", successes.get());
        r.put("conflicts", conflicts.get());
        r.put("errors", errors.get());
        r.put("stored", stored.size());
        r.put("duplicateSequences", stored.size() - distinct.size());
        r.put("conflictExceptions", new java.util.TreeSet<>(conflictTypes).toString());
        r.put("ok", gapless && stored.size() == successes.get() && errors.get() == 0);
        System.out.printf("  one aggregate, 4 threads: %d appended, %d conflicts, %d errors, %d stored, %d duplicate "
                        + "sequences%n", successes.get(), conflicts.get(), errors.get(), stored.size(),
                stored.size() - distinct.size());
        return r;
    }

    /**
     * A refused append of a taken sequence: Axon's conflict exceptions, or a unique-key violation underneath
     * (SQL state class 23, MongoDB's duplicate key), whatever the engine wrapped it in.
     */
    private static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException
                    || t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")
                    || t instanceof com.mongodb.MongoWriteException w
                    && w.getError().getCategory() == com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }

    /** Fills the store up to {@code replayEvents}, {@value #LOAD_BATCH} events per append, and the big aggregate. */
    private long loadForReplay(EventStorageEngine engine, int round, long oneAggregateEvents) {
        long start = System.nanoTime();
        long stored = (long) sizes.appendsPerLevel() * THREADS.length + oneAggregateEvents;
        List<DomainEventMessage<?>> batch = new ArrayList<>(LOAD_BATCH);
        String big = "big-" + round;
        for (long s = 0; s < sizes.aggregateEvents(); s++) {
            batch.add(event(big, s));
            if (batch.size() == LOAD_BATCH) {
                engine.appendEvents(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            engine.appendEvents(batch);
            batch.clear();
        }
        long loaded = sizes.aggregateEvents();
        long[] sequences = new long[200];
        while (stored + loaded < sizes.replayEvents()) {
            for (int i = 0; i < LOAD_BATCH; i++) {
                int a = (int) (loaded % sequences.length);
                batch.add(event("replay-" + a + "-" + round, sequences[a]++));
                loaded++;
            }
            engine.appendEvents(batch);
            batch.clear();
        }
        System.out.printf("  loaded %d events for the replay in %.1f s%n", loaded,
                (System.nanoTime() - start) / 1e9);
        return stored + loaded;
    }

    /** The median of three loads of the big aggregate, in ms, after one untimed load. */
    private double aggregateLoad(EventStorageEngine engine, int round) {
        String big = "big-" + round;
        readAll(engine, big);
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            long read = readAll(engine, big);
            micros.add((System.nanoTime() - t0) / 1_000);
            if (read != sizes.aggregateEvents()) {
                throw new IllegalStateException("the big aggregate has " + read + " events, not "
                        + sizes.aggregateEvents());
            }
        }
        return percentile(micros, 50);
    }

    private static long readAll(EventStorageEngine engine, String aggregate) {
        try (Stream<? extends DomainEventMessage<?>> events = engine.readEvents(aggregate).asStream()) {
            return events.mapToLong(e -> e.getPayload() != null ? 1 : 0).sum();
        }
    }

    /** Reads the whole store from the start, payloads deserialised, up to the time cap: rate and events read. */
    private double[] replay(EventStorageEngine engine, long total) {
        long cap = System.nanoTime() + sizes.replaySecondsCap() * 1_000_000_000L;
        long start = System.nanoTime();
        long read = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            var it = events.iterator();
            while (read < total && it.hasNext()) {
                if (it.next().getPayload() != null) {
                    read++;
                }
                if ((read & 255) == 0 && System.nanoTime() > cap) {
                    break;
                }
            }
        }
        return new double[] {read / ((System.nanoTime() - start) / 1e9), read};
    }

    /** Medians over the rounds, the spread (min and max) of each, and the rounds themselves. */
    @SuppressWarnings("unchecked")
    static void summarise(List<Map<String, Object>> rounds, Map<String, Object> figures) {
        Map<String, Object> spread = new LinkedHashMap<>();
        for (String key : rounds.get(0).keySet()) {
            if (!(rounds.get(0).get(key) instanceof Number)) {
                continue;
            }
            List<Double> values = rounds.stream().map(r -> ((Number) r.get(key)).doubleValue()).sorted().toList();
            double median = values.size() % 2 == 1 ? values.get(values.size() / 2)
                    : (values.get(values.size() / 2 - 1) + values.get(values.size() / 2)) / 2;
            figures.put(key, rounds.get(0).get(key) instanceof Long ? (Object) Math.round(median) : round(median));
            spread.put(key, List.of(values.get(0), values.get(values.size() - 1)));
        }
        List<Map<String, Object>> one = rounds.stream().map(r -> (Map<String, Object>) r.get("oneAggregate")).toList();
        Map<String, Object> oneAggregate = new LinkedHashMap<>();
        for (String key : List.of("successes", "conflicts", "errors", "duplicateSequences")) {
            oneAggregate.put(key, one.stream().mapToLong(r -> ((Number) r.get(key)).longValue()).sum());
        }
        oneAggregate.put("ok", one.stream().allMatch(r -> Boolean.TRUE.equals(r.get("ok"))));
        figures.put("oneAggregate", oneAggregate);
        figures.put("replayCapped", rounds.stream().anyMatch(r -> Boolean.TRUE.equals(r.get("replayCapped"))));
        figures.put("spread", spread);
        figures.put("rounds", rounds);
    }

    @SuppressWarnings("unchecked")
    private static void printTable(Map<String, Object> peers) {
        System.out.println();
        System.out.println("peers (median of the rounds, min-max in brackets)");
        System.out.printf("%-13s %-26s %-26s %-26s %-16s %-22s %-22s %-20s %s%n", "engine", "append 1 thread/s",
                "append 4 threads/s", "append 16 threads/s", "p50/p99 4 (ms)", "one aggregate", "replay events/s",
                "aggregate load ms", "fsync/append");
        for (Map.Entry<String, Object> e : peers.entrySet()) {
            if (e.getKey().equals("workload")) {
                continue;
            }
            Map<String, Object> f = (Map<String, Object>) e.getValue();
            if (f.containsKey("notRun")) {
                System.out.printf("%-13s not run: %s%n", e.getKey(), f.get("notRun"));
                continue;
            }
            Map<String, Object> one = (Map<String, Object>) f.get("oneAggregate");
            System.out.printf("%-13s %-26s %-26s %-26s %-16s %-22s %-22s %-20s %s%n", e.getKey(),
                    withSpread(f, "append1"), withSpread(f, "append4"), withSpread(f, "append16"),
                    f.get("append4P50Ms") + "/" + f.get("append4P99Ms"),
                    one.get("successes") + " ok, " + one.get("conflicts") + " conflicts" + (Boolean.TRUE.equals(
                            one.get("ok")) ? "" : " FAILED"),
                    withSpread(f, "replay") + (Boolean.TRUE.equals(f.get("replayCapped")) ? " capped" : ""),
                    withSpread(f, "aggregate10kMs"), f.get("fsyncPerAppend"));
        }
    }

    @SuppressWarnings("unchecked")
    private static String withSpread(Map<String, Object> f, String key) {
        List<Double> s = (List<Double>) ((Map<String, Object>) f.get("spread")).get(key);
        return f.get(key) + " (" + Math.round(s.get(0)) + "-" + Math.round(s.get(1)) + ")";
    }

    private static double percentile(List<Long> micros, int p) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
