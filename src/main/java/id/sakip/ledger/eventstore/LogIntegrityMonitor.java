package id.sakip.ledger.eventstore;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Signs checkpoints of the commits this instance wrote, every {@code everyCommits} commits and at least every
 * {@code every}, and verifies the log from its last verified place at start-up and every {@code verifyInterval}.
 * On a broken log it refuses every append with {@link LogBroken}, logs an ERROR and sets {@code ledger.log.broken}.
 */
public final class LogIntegrityMonitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LogIntegrityMonitor.class);

    private final CommitLog commitLog;
    private final CheckpointSigner signer;
    private final CheckpointVerifier verifier;
    private final Clock clock;
    private final int everyCommits;
    private final Duration every;
    private final Duration verifyInterval;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ledger-integrity");
        t.setDaemon(true);
        return t;
    });

    private final AtomicReference<CheckpointVerifier.Position> lastWritten = new AtomicReference<>();
    private final AtomicLong writtenSinceCheckpoint = new AtomicLong();
    private final AtomicBoolean checkpointQueued = new AtomicBoolean();
    private volatile LogBroken broken;
    private volatile boolean checked;
    private volatile boolean running;
    private CheckpointVerifier.Position verified;
    private SignedCheckpoint lastSigned;
    private List<String> reportedProblems = List.of();

    public LogIntegrityMonitor(CommitLog commitLog, CheckpointSigner signer, CheckpointVerifier verifier, Clock clock,
                               int everyCommits, Duration every, Duration verifyInterval, MeterRegistry registry) {
        this.commitLog = commitLog;
        this.signer = signer;
        this.verifier = verifier;
        this.clock = clock;
        this.everyCommits = Math.max(1, everyCommits);
        this.every = every;
        this.verifyInterval = verifyInterval;
        Gauge.builder("ledger.log.broken", this, m -> m.broken == null ? 0 : 1)
                .description("1 when the event log no longer matches its hash chain or a signed checkpoint")
                .register(registry);
        Gauge.builder("ledger.checkpoints.rejected", this, m -> m.reportedProblems.size())
                .description("Lines of the checkpoint file that are not validly signed").register(registry);
        commitLog.onCommit(this::written);
        commitLog.refuseAppendsWhen(() -> broken);
    }

    /** The break found, or {@code null} while the log verifies. */
    public LogBroken broken() {
        return broken;
    }

    /** Whether the start-up verification has finished. */
    public boolean checked() {
        return checked;
    }

    /** Throws {@link LogBroken} when the log is broken. */
    public void requireIntact() {
        LogBroken b = broken;
        if (b != null) {
            throw b;
        }
    }

    @Override
    public void start() {
        running = true;
        executor.execute(this::verifySafely);
        executor.scheduleWithFixedDelay(this::verifySafely, verifyInterval.toMillis(), verifyInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::checkpointSafely, every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        executor.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void written(StoredCommit c) {
        lastWritten.set(new CheckpointVerifier.Position(c.first(), c.last(), c.hash()));
        if (writtenSinceCheckpoint.incrementAndGet() >= everyCommits && checkpointQueued.compareAndSet(false, true)
                && running) {
            executor.execute(() -> {
                checkpointQueued.set(false);
                checkpointSafely();
            });
        }
    }

    private void verifySafely() {
        try {
            verifyNow();
        } catch (RuntimeException e) {
            log.warn("The event log could not be verified now: {}", e.toString());
        }
    }

    private void checkpointSafely() {
        try {
            checkpointNow();
        } catch (RuntimeException e) {
            log.warn("No checkpoint could be signed now: {}", e.toString());
        }
    }

    /**
     * Verifies from the last verified place: the latest signed checkpoint and the last verified commit must
     * still have their hashes, and the chain after it must recompute. The first check starts at the latest
     * checkpoint (or the first commit, when there is none).
     */
    synchronized void verifyNow() {
        if (broken != null) {
            return;
        }
        SignedCheckpoints.Reading reading = verifier.checkpoints().read();
        if (!reading.problems().equals(reportedProblems)) {
            reportedProblems = reading.problems();
            reading.problems().forEach(p -> log.error("The checkpoint file {} holds a line that is not validly "
                    + "signed: {}", verifier.checkpoints().file(), p));
        }
        SignedCheckpoint latest = reading.latest();
        if (latest != null && !pinned(latest.first(), latest.sequence(), latest.hash())) {
            fail(null, "commit " + latest.first() + " no longer has the hash signed at " + latest.time());
            return;
        }
        if (verified == null) {
            verified = latest == null ? CheckpointVerifier.Position.GENESIS
                    : new CheckpointVerifier.Position(latest.first(), latest.sequence(), latest.hash());
        } else if (verified.last() > 0 && !pinned(verified.first(), verified.last(), verified.hash())) {
            fail(verified.first(), "commit " + verified.first() + " was changed after it was verified");
            return;
        }
        CheckpointVerifier.Walk walk = verifier.walkFrom(verified);
        if (walk.brokenAt() != null) {
            fail(walk.brokenAt(), walk.reason());
            return;
        }
        verified = walk.reached();
        checked = true;
    }

    /**
     * Signs the last commit this instance wrote, once the log verifies up to it and the store still holds it
     * with the hash it was written with.
     */
    synchronized void checkpointNow() {
        CheckpointVerifier.Position w = lastWritten.get();
        if (w == null || broken != null || (lastSigned != null && w.last() <= lastSigned.sequence())) {
            return;
        }
        verifyNow();
        if (broken != null) {
            return;
        }
        if (!pinned(w.first(), w.last(), w.hash())) {
            fail(w.first(), "commit " + w.first() + " no longer has the hash it was written with");
            return;
        }
        SignedCheckpoint checkpoint = signer.sign(w.first(), w.last(), w.hash(), clock.instant());
        verifier.checkpoints().append(checkpoint);
        lastSigned = checkpoint;
        writtenSinceCheckpoint.set(0);
    }

    private boolean pinned(long first, long last, String hash) {
        Document d = verifier.commitAt(first);
        return d != null && ((Number) d.get(StoredCommit.LAST)).longValue() == last
                && hash.equals(d.getString(StoredCommit.HASH));
    }

    /** Takes note of a full verification run elsewhere (the API, a page): a broken chain refuses writes too. */
    public void observe(SignedVerification result) {
        Long at = result.result().brokenAtSequence();
        if (!result.verified() && at != null && broken == null) {
            markBroken(new LogBroken(at, result.result().reason()));
        }
    }

    /** Marks the log broken, naming the first commit that no longer matches the signed log where it can. */
    private void fail(Long at, String reason) {
        SignedVerification full = verifier.verify();
        LogBroken found = full.verified() || full.result().brokenAtSequence() == null ? new LogBroken(at, reason)
                : new LogBroken(full.result().brokenAtSequence(), full.result().reason());
        markBroken(found);
    }

    private synchronized void markBroken(LogBroken found) {
        if (broken != null) {
            return;
        }
        broken = found;
        checked = true;
        log.error("The event log is broken at commit {}: {}. Writes are refused until the log is restored from a "
                + "backup and the ledger restarted.", found.brokenAtSequence(), found.reason());
    }
}
