package id.sakip.ledger.eventstore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/**
 * How far each projection (streaming event processor) is behind the head of the log, in events,
 * and a bounded wait for them to catch up (read-your-writes for pages and tests).
 */
@Component
public class ProjectionLag {

    private final EventProcessingConfiguration processing;
    private final CommitLog log;
    private final MongoTokenStore tokens;

    public ProjectionLag(EventProcessingConfiguration processing, CommitLog log, MongoTokenStore tokens) {
        this.processing = processing;
        this.log = log;
        this.tokens = tokens;
    }

    /** Where one segment of a processor stands; {@code failed} when its worker is in error. */
    record SegmentPosition(Segment segment, long position, boolean failed) {
    }

    /** The names of the streaming processors (projections). */
    public List<String> processorNames() {
        List<String> names = new ArrayList<>();
        processing.eventProcessors().forEach((name, p) -> {
            if (p instanceof StreamingEventProcessor) {
                names.add(name);
            }
        });
        return names;
    }

    /**
     * Events behind the head per processor, for readiness and the lag gauge: over the segments this
     * node processes, and the others that no live node holds (by their stored token); segments another
     * live node processes are that node's to answer for. A stopped processor counts as fully behind.
     */
    public Map<String, Long> lagByProcessor() {
        long head = log.headSequence();
        Map<String, Long> lag = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                lag.put(name, Math.max(0, head - position(name, streaming, false)));
            }
        });
        return lag;
    }

    /**
     * How far a processor has processed the log: the least position over its segments, 0 while it is
     * stopped or a part of the event space is not accounted for. Segments this node processes report
     * their position; the others count by their stored token (held by another node, not yet claimed,
     * or with a worker that has not taken its first batch). With {@code everywhere} false, segments
     * another live node holds are left to it; a processor wholly held elsewhere is then caught up.
     */
    private long position(String name, StreamingEventProcessor processor, boolean everywhere) {
        if (!processor.isRunning()) {
            return 0;
        }
        List<SegmentPosition> parts = new ArrayList<>();
        Map<Integer, EventTrackerStatus> reporting = processor.processingStatus();
        reporting.values().forEach(s -> parts.add(new SegmentPosition(s.getSegment(),
                s.getCurrentPosition().orElse(0), s.isErrorState())));
        if (covers(parts)) {
            return least(parts);
        }
        List<SegmentPosition> accounted = new ArrayList<>(parts);
        tokens.storedPositions(name).forEach((segment, token) -> {
            if (reporting.containsKey(segment.getSegmentId())) {
                return;
            }
            SegmentPosition part = new SegmentPosition(segment, token.position(), false);
            accounted.add(part);
            if (everywhere || !token.heldElsewhere()) {
                parts.add(part);
            }
        });
        if (!covers(accounted)) {
            return 0;
        }
        return parts.isEmpty() ? Long.MAX_VALUE : least(parts);
    }

    /**
     * The projections, other than those {@code skipped}, that have not processed the log up to
     * {@code position} on every segment wherever it runs; a stopped or failed projection never has.
     */
    public List<String> behind(long position, Predicate<String> skipped) {
        List<String> behind = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && !skipped.test(name)
                    && position(name, streaming, true) < position) {
                behind.add(name);
            }
        });
        return behind;
    }

    /** The least position over the segments, or 0 when one of them failed. */
    static long least(Collection<SegmentPosition> segments) {
        long min = Long.MAX_VALUE;
        for (SegmentPosition s : segments) {
            if (s.failed()) {
                return 0;
            }
            min = Math.min(min, s.position());
        }
        return min == Long.MAX_VALUE ? 0 : min;
    }

    /** True when the segments, of whatever widths, cover the whole event space. */
    static boolean covers(Collection<SegmentPosition> segments) {
        if (segments.isEmpty()) {
            return false;
        }
        int widest = 0;
        for (SegmentPosition s : segments) {
            widest = Math.max(widest, s.segment().getMask());
        }
        long covered = 0;
        for (SegmentPosition s : segments) {
            covered += ((long) widest + 1) / ((long) s.segment().getMask() + 1);
        }
        return covered == (long) widest + 1;
    }

    /**
     * Waits until every projection has processed the log up to the current head, on every segment
     * wherever it runs, or the timeout passes (read-your-writes for pages and tests).
     */
    public boolean awaitCaughtUp(Duration timeout) {
        long head = log.headSequence();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean caughtUp = true;
            for (var entry : processing.eventProcessors().entrySet()) {
                if (entry.getValue() instanceof StreamingEventProcessor streaming
                        && position(entry.getKey(), streaming, true) < head) {
                    caughtUp = false;
                    break;
                }
            }
            if (caughtUp) {
                return true;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
