package id.sakip.ledger.eventstore.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import id.sakip.ledger.eventstore.CommitLog;
import id.sakip.ledger.eventstore.config.MongoConnection;
import id.sakip.ledger.shared.UnknownItem;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;

/**
 * Rebuilds read models from the log in one shared pass: the processors are stopped and their segments
 * claimed, their reset handlers empty their models, and every event up to the head at the start is
 * read once (on a thread of its own, ahead of the handlers) and handed to each of them, a batch of
 * {@value #BATCH} events per unit of work, so each book is written once per batch and each event
 * deserialised once for all of them. The models are split into one group per core, and the groups
 * fold each batch at the same time. After every batch the tokens move to its last event, so a
 * rebuild cut short (crash, shutdown) is finished by the ordinary processors from there. At the end
 * the processors start again from the head the rebuild reached and take the events recorded
 * meanwhile. Progress (events done of the head at the start, rate, time left) goes to the log, to
 * metrics ({@code ledger_rebuild_*}) and to the API.
 */
@Component
public class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    static final int BATCH = 5_000;

    /** Where a rebuild stands: NEVER, RUNNING, DONE or FAILED (with the reason). */
    public record RebuildStatus(String processor, String state, Instant startedAt, Instant finishedAt,
                                long eventsTotal, long eventsDone, double percent, long eventsPerSecond,
                                Long secondsLeft, String failure) {
    }

    private final EventProcessingConfiguration processing;
    private final CommitLog commitLog;
    private final EventStorageEngine storage;
    private final MongoConnection connection;
    private final TokenStore tokens;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final Map<String, Boolean> gauges = new ConcurrentHashMap<>();
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ledger-rebuild-monitor");
        t.setDaemon(true);
        return t;
    });
    /** Threads of the rebuild passes, and of the groups that fold a pass's batches beside its own thread. */
    private final ExecutorService passes = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ledger-rebuild");
        t.setDaemon(true);
        return t;
    });

    private static final class Run {
        final String processor;
        final Instant startedAt;
        final long startNanos = System.nanoTime();
        final long target;
        volatile long done;
        volatile Instant finishedAt;
        volatile long endNanos;
        volatile String failure;

        Run(String processor, Instant startedAt, long target) {
            this.processor = processor;
            this.startedAt = startedAt;
            this.target = target;
        }
    }

    public ProjectionRebuilds(EventProcessingConfiguration processing, CommitLog commitLog,
                              EventStorageEngine storage, TokenStore tokens, Clock clock, MeterRegistry meters,
                              MongoConnection connection) {
        this.connection = connection;
        this.processing = processing;
        this.commitLog = commitLog;
        this.storage = storage;
        this.tokens = tokens;
        this.clock = clock;
        this.meters = meters;
        monitor.scheduleWithFixedDelay(this::observe, 2, 2, TimeUnit.SECONDS);
    }

    /** The names of the read models (streaming processors) that can be rebuilt. */
    public List<String> processors() {
        List<String> names = new ArrayList<>();
        processing.eventProcessors().forEach((name, p) -> {
            if (p instanceof StreamingEventProcessor s && s.supportsReset()) {
                names.add(name);
            }
        });
        names.sort(String::compareTo);
        return names;
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .filter(StreamingEventProcessor::supportsReset)
                .orElseThrow(() -> new UnknownItem("UNKNOWN_PROCESSOR", "No read model named " + name,
                        Map.of("processor", name, "known", processors())));
    }

    /** Starts rebuilding a read model (or reports the rebuild already running). */
    public RebuildStatus start(String name) {
        return start(List.of(name)).get(0);
    }

    /**
     * Starts rebuilding the named read models in one pass over the log (those already being rebuilt
     * go on as they are); an unknown name starts none.
     */
    public synchronized List<RebuildStatus> start(List<String> names) {
        List<String> distinct = names.stream().distinct().toList();
        distinct.forEach(this::processor);
        List<Run> started = new ArrayList<>();
        long target = commitLog.headSequence();
        for (String name : distinct) {
            Run running = runs.get(name);
            if (running != null && running.finishedAt == null) {
                continue;
            }
            Run run = new Run(name, clock.instant(), target);
            runs.put(name, run);
            registerGauges(name);
            started.add(run);
        }
        if (!started.isEmpty()) {
            log.info("Rebuilding read models {} from the log: {} events",
                    started.stream().map(r -> r.processor).toList(), target);
            passes.execute(() -> replay(started, target));
        }
        return distinct.stream().map(this::status).toList();
    }

    private void registerGauges(String name) {
        gauges.computeIfAbsent(name, n -> {
            Gauge.builder("ledger.rebuild.progress", () -> {
                Run r = runs.get(n);
                return r == null || r.target == 0 ? 1.0 : Math.min(1.0, (double) r.done / r.target);
            }).tag("processor", n).description("Share of the log replayed by the current or last rebuild")
                    .register(meters);
            Gauge.builder("ledger.rebuild.events.done", () -> {
                Run r = runs.get(n);
                return r == null ? 0 : r.done;
            }).tag("processor", n).description("Events replayed by the current or last rebuild").register(meters);
            return Boolean.TRUE;
        });
    }

    /** A processor taking part in a pass: its handlers and its token segments. */
    private record Target(Run run, StreamingEventProcessor processor, EventHandlerInvoker invoker, int[] segments) {
    }

    private void replay(List<Run> started, long target) {
        List<String> names = started.stream().map(r -> r.processor).toList();
        List<Target> targets = new ArrayList<>();
        boolean interrupted = false;
        String failure = null;
        long position = 0;
        try {
            List<CompletableFuture<Void>> stopping = new ArrayList<>();
            for (Run run : started) {
                StreamingEventProcessor processor = processor(run.processor);
                stopping.add(processor.shutdownAsync());
                targets.add(new Target(run, processor, ((AbstractEventProcessor) processor).eventHandlerInvoker(),
                        tokens.fetchSegments(run.processor)));
            }
            CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).get(1, TimeUnit.MINUTES);
            for (Target t : targets) {
                for (int segment : t.segments()) {
                    tokens.fetchToken(t.run().processor, segment);
                }
            }
            for (Target t : targets) {
                t.invoker().performReset();
                storeTokens(t, null);
            }
            List<List<Target>> groups = groups(targets);
            List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH);
            try (AutoCloseable compaction = holdCompaction();
                 ReadAhead events = new ReadAhead(storage, target, BATCH)) {
                TrackedEventMessage<?> event;
                while ((event = events.next()) != null) {
                    batch.add(event);
                    if (batch.size() == BATCH) {
                        position = handle(batch, groups);
                        batch.clear();
                        if (Thread.currentThread().isInterrupted()) {
                            throw new InterruptedException("the ledger is stopping");
                        }
                    }
                }
            }
            if (!batch.isEmpty()) {
                position = handle(batch, groups);
            }
        } catch (UnableToClaimTokenException e) {
            log.warn("Rebuild of {} refused: {}", names, e.getMessage());
            failure = "another node holds the read model: " + e.getMessage();
        } catch (InterruptedException e) {
            interrupted = true;
            failure = "interrupted: " + e.getMessage();
        } catch (Exception e) {
            log.error("Rebuild of {} failed", names, e);
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        } finally {
            for (Target t : targets) {
                for (int segment : t.segments()) {
                    try {
                        tokens.releaseClaim(t.run().processor, segment);
                    } catch (RuntimeException e) {
                        log.warn("Could not release segment {} of {}: {}", segment, t.run().processor, e.getMessage());
                    }
                }
                if (!interrupted) {
                    t.processor().start();
                }
            }
            finish(started, failure);
        }
        if (failure == null) {
            long seconds = Math.max(1, (System.nanoTime() - started.get(0).startNanos) / 1_000_000_000L);
            log.info("Rebuilt read models {}: {} events in {} s ({} events/s)", names, position, seconds,
                    position / seconds);
        }
    }

    /** The embedded store compacts pages a rebuild is still rewriting: hold it off until the pass ends. */
    private AutoCloseable holdCompaction() {
        return connection.embedded() == null ? () -> { } : connection.embedded().backend().holdCompaction();
    }

    /**
     * Ends the runs of a pass, after their processors run again: done when {@code failure} is null,
     * failed with that reason otherwise.
     */
    private void finish(List<Run> started, String failure) {
        for (Run run : started) {
            run.failure = failure;
            run.endNanos = System.nanoTime();
            run.finishedAt = clock.instant();
        }
    }

    /**
     * The targets split into as many groups as there are cores (at most one per target), round-robin
     * in name order; each group folds a batch on a thread of its own.
     */
    static <T> List<List<T>> groups(List<T> targets) {
        int count = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), targets.size()));
        List<List<T>> groups = new ArrayList<>();
        for (int g = 0; g < count; g++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < targets.size(); i++) {
            groups.get(i % count).add(targets.get(i));
        }
        return groups;
    }

    /**
     * Hands a batch to every group of targets at once, each group in a unit of work of its own (the
     * first on this thread), and, once every group has written its books, moves the tokens of all
     * of them to the batch's last event. A group's failure fails the batch, and no token moves.
     */
    private long handle(List<TrackedEventMessage<?>> batch, List<List<Target>> groups) throws Exception {
        List<Callable<Void>> folds = new ArrayList<>();
        for (List<Target> group : groups) {
            folds.add(() -> {
                fold(batch, group);
                return null;
            });
        }
        inParallel(folds, passes);
        TrackingToken last = batch.get(batch.size() - 1).trackingToken();
        long position = last.position().orElse(0);
        for (List<Target> group : groups) {
            for (Target t : group) {
                storeTokens(t, new GlobalSequenceTrackingToken(position));
                t.run().done = position;
            }
        }
        return position;
    }

    /**
     * Runs the tasks at once, the first on this thread and the others on {@code executor}, and returns
     * when all of them have ended; then throws the first failure, if any. Interrupted, it cancels the
     * others.
     */
    static void inParallel(List<Callable<Void>> tasks, ExecutorService executor) throws Exception {
        List<Future<Void>> others = new ArrayList<>();
        for (Callable<Void> task : tasks.subList(1, tasks.size())) {
            others.add(executor.submit(task));
        }
        Exception failure = null;
        try {
            tasks.get(0).call();
        } catch (Exception e) {
            failure = e;
        }
        try {
            for (Future<Void> other : others) {
                try {
                    other.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof Exception cause ? cause : new IllegalStateException(e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            others.forEach(other -> other.cancel(true));
            throw e;
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Folds a batch into the models of one group of targets, in one unit of work. */
    private static void fold(List<TrackedEventMessage<?>> batch, List<Target> targets) throws Exception {
        BatchingUnitOfWork<TrackedEventMessage<?>> unit = new BatchingUnitOfWork<>(new ArrayList<>(batch));
        ResultMessage<Object> result = unit.executeWithResult(() -> {
            EventMessage<?> event = unit.getMessage();
            for (Target t : targets) {
                if (t.invoker().canHandle(event, Segment.ROOT_SEGMENT)) {
                    t.invoker().handle(event, Segment.ROOT_SEGMENT);
                }
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable cause = result.exceptionResult();
            throw cause instanceof Exception e ? e : new IllegalStateException(cause);
        }
    }

    private void storeTokens(Target t, TrackingToken token) {
        for (int segment : t.segments()) {
            tokens.storeToken(token, t.run().processor, segment);
        }
    }

    /** True while a read model is being rebuilt (its documents are incomplete). */
    public boolean isRebuilding(String name) {
        Run run = runs.get(name);
        if (run != null && run.finishedAt == null) {
            return true;
        }
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::isReplaying).orElse(false);
    }

    public RebuildStatus status(String name) {
        processor(name);
        Run run = runs.get(name);
        return run == null ? new RebuildStatus(name, "NEVER", null, null, 0, 0, 0, 0, null, null) : status(run);
    }

    public List<RebuildStatus> statuses() {
        return processors().stream().map(this::status).toList();
    }

    /** Waits for a rebuild to finish; true if it did within the timeout. */
    public boolean awaitDone(String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Run run = runs.get(name);
            if (run == null || run.finishedAt != null) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private RebuildStatus status(Run run) {
        double seconds = Math.max(0.001, ((run.finishedAt == null ? System.nanoTime() : run.endNanos)
                - run.startNanos) / 1e9);
        long rate = (long) (run.done / seconds);
        Long left = run.finishedAt != null ? Long.valueOf(0) : rate == 0 ? null : (run.target - run.done) / Math.max(1, rate);
        double percent = run.target == 0 ? 100.0 : Math.round(1000.0 * Math.min(run.done, run.target) / run.target) / 10.0;
        String state = run.finishedAt == null ? "RUNNING" : run.failure == null ? "DONE" : "FAILED";
        return new RebuildStatus(run.processor, state, run.startedAt, run.finishedAt, run.target,
                Math.min(run.done, run.target), percent, rate, left, run.failure);
    }

    private void observe() {
        for (Run run : runs.values()) {
            if (run.finishedAt == null) {
                RebuildStatus s = status(run);
                log.info("Rebuilding {}: {}/{} events ({}%), {} events/s, {} s left", run.processor, s.eventsDone(),
                        s.eventsTotal(), s.percent(), s.eventsPerSecond(), s.secondsLeft());
            }
        }
    }

    @PreDestroy
    void stop() {
        monitor.shutdownNow();
        passes.shutdownNow();
    }
}
