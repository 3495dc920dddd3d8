package id.sakip.ledger.eventstore;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import id.sakip.ledger.eventstore.projection.ProjectionRebuilds;

/**
 * Read-your-writes for every client: a read takes the head of the log as of its arrival and waits,
 * bounded by {@code ledger.read.max-wait}, until every live read model has processed the log up to it
 * on every segment, wherever that segment runs. A read model being rebuilt is left to its endpoint,
 * which answers that it is rebuilding.
 */
@Component
public class ReadConsistency {

    /** The longest a wait sleeps without a signal: progress of other nodes and of idle segments. */
    private static final long RECHECK_NANOS = Duration.ofMillis(20).toNanos();

    private final CommitLog log;
    private final ProjectionLag lag;
    private final ProjectionRebuilds rebuilds;
    private final ProcessingProgress progress;
    private final Duration maxWait;

    public ReadConsistency(CommitLog log, ProjectionLag lag, ProjectionRebuilds rebuilds, ProcessingProgress progress,
                           @Value("${ledger.read.max-wait:5s}") Duration maxWait) {
        this.log = log;
        this.lag = lag;
        this.rebuilds = rebuilds;
        this.progress = progress;
        this.maxWait = maxWait;
    }

    /**
     * What a read waited for: the log position its answer shows and the read models that had not
     * reached it when the wait ended (none when it succeeded).
     */
    public record Outcome(long position, List<String> behind) {

        public boolean reached() {
            return behind.isEmpty();
        }
    }

    /** The longest a read waits for its read models. */
    public Duration maxWait() {
        return maxWait;
    }

    /** Waits until the read models stand at the log's head as of now, or the bound passes. */
    public Outcome awaitHead() {
        return await(log.headSequence());
    }

    /** Waits until the read models stand at {@code position} or beyond, or the bound passes. */
    public Outcome await(long position) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            long seen = progress.batches();
            List<String> behind = lag.behind(position, rebuilds::isRebuilding);
            long left = deadline - System.nanoTime();
            if (behind.isEmpty() || left <= 0 || Thread.currentThread().isInterrupted()) {
                return new Outcome(position, behind);
            }
            progress.awaitAfter(seen, Math.min(left, RECHECK_NANOS));
        }
    }
}
