package id.sakip.ledger.eventstore.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import id.sakip.ledger.eventstore.CommitLog;
import id.sakip.ledger.shared.UnknownItem;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;

/**
 * Rebuilds read models from the log: the processor is stopped, its tokens reset (its reset handler
 * empties its model), and it replays every event. Progress (events done of the head at the start,
 * rate, time left) goes to the log, to metrics ({@code ledger_rebuild_*}) and to the API.
 */
@Component
public class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);

    /** Where a rebuild stands. */
    public record RebuildStatus(String processor, String state, Instant startedAt, Instant finishedAt,
                                long eventsTotal, long eventsDone, double percent, long eventsPerSecond,
                                Long secondsLeft) {
    }

    private final EventProcessingConfiguration processing;
    private final CommitLog commitLog;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final Map<String, Boolean> gauges = new ConcurrentHashMap<>();
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ledger-rebuild-monitor");
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
        volatile long lastLogNanos;

        Run(String processor, Instant startedAt, long target) {
            this.processor = processor;
            this.startedAt = startedAt;
            this.target = target;
        }
    }

    public ProjectionRebuilds(EventProcessingConfiguration processing, CommitLog commitLog, Clock clock,
                              MeterRegistry meters) {
        this.processing = processing;
        this.commitLog = commitLog;
        this.clock = clock;
        this.meters = meters;
        monitor.scheduleWithFixedDelay(this::observe, 200, 200, TimeUnit.MILLISECONDS);
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
    public synchronized RebuildStatus start(String name) {
        StreamingEventProcessor processor = processor(name);
        Run running = runs.get(name);
        if (running != null && running.finishedAt == null) {
            return status(running);
        }
        Run run = new Run(name, clock.instant(), commitLog.headSequence());
        runs.put(name, run);
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
        log.info("Rebuilding read model {} from the log: {} events", name, run.target);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return status(run);
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
        return run == null ? new RebuildStatus(name, "NEVER", null, null, 0, 0, 0, 0, null) : status(run);
    }

    public List<RebuildStatus> statuses() {
        return processors().stream().map(this::status).toList();
    }

    /** Waits for a rebuild to finish; true if it did within the timeout. */
    public boolean awaitDone(String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            observe();
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
        double seconds = Math.max(0.001, ((run.finishedAt == null ? System.nanoTime() : run.lastLogNanos)
                - run.startNanos) / 1e9);
        long rate = (long) (run.done / seconds);
        Long left = run.finishedAt != null ? Long.valueOf(0) : rate == 0 ? null : (run.target - run.done) / Math.max(1, rate);
        double percent = run.target == 0 ? 100.0 : Math.round(1000.0 * Math.min(run.done, run.target) / run.target) / 10.0;
        return new RebuildStatus(run.processor, run.finishedAt == null ? "RUNNING" : "DONE", run.startedAt,
                run.finishedAt, run.target, Math.min(run.done, run.target), percent, rate, left);
    }

    private synchronized void observe() {
        for (Run run : runs.values()) {
            if (run.finishedAt != null) {
                continue;
            }
            StreamingEventProcessor processor = processing.eventProcessor(run.processor, StreamingEventProcessor.class)
                    .orElse(null);
            if (processor == null) {
                continue;
            }
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            long position = status.isEmpty() ? 0 : status.values().stream()
                    .mapToLong(s -> s.getCurrentPosition().orElse(0)).min().orElse(0);
            run.done = position;
            long now = System.nanoTime();
            if (position >= run.target && !processor.isReplaying() && !status.isEmpty()) {
                run.lastLogNanos = now;
                run.finishedAt = clock.instant();
                RebuildStatus s = status(run);
                log.info("Rebuilt read model {}: {} events in {} ms ({} events/s)", run.processor, run.target,
                        (now - run.startNanos) / 1_000_000, s.eventsPerSecond());
            } else if (now - run.lastLogNanos > 2_000_000_000L) {
                run.lastLogNanos = now;
                RebuildStatus s = status(run);
                log.info("Rebuilding {}: {}/{} events ({}%), {} events/s, {} s left", run.processor, s.eventsDone(),
                        s.eventsTotal(), s.percent(), s.eventsPerSecond(), s.secondsLeft());
            }
        }
    }

    @PreDestroy
    void stop() {
        monitor.shutdownNow();
    }
}
