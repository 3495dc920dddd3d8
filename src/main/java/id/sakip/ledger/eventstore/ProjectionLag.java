package id.sakip.ledger.eventstore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
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

    public ProjectionLag(EventProcessingConfiguration processing, CommitLog log) {
        this.processing = processing;
        this.log = log;
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
     * Events behind the head per processor; a stopped processor, or one with a part of the event space
     * not reporting, counts as fully behind.
     */
    public Map<String, Long> lagByProcessor() {
        long head = log.headSequence();
        Map<String, Long> lag = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                lag.put(name, Math.max(0, head - position(streaming)));
            }
        });
        return lag;
    }

    /**
     * How far a processor has processed the log: the least position over its segments, or 0 while it
     * is stopped or some part of the event space has no segment reporting (a segment claimed later,
     * or a worker that has not yet taken its first batch): a processor is only as far as its slowest
     * segment, and a segment that is not reporting may be anywhere.
     */
    private static long position(StreamingEventProcessor processor) {
        if (!processor.isRunning()) {
            return 0;
        }
        return position(processor.processingStatus().values());
    }

    /** The least position over segment statuses that together cover every event; 0 when they do not. */
    static long position(Collection<? extends EventTrackerStatus> segments) {
        if (segments.isEmpty()) {
            return 0;
        }
        int widest = 0;
        for (EventTrackerStatus s : segments) {
            widest = Math.max(widest, s.getSegment().getMask());
        }
        long covered = 0;
        long min = Long.MAX_VALUE;
        for (EventTrackerStatus s : segments) {
            if (s.isErrorState()) {
                return 0;
            }
            covered += ((long) widest + 1) / ((long) s.getSegment().getMask() + 1);
            min = Math.min(min, s.getCurrentPosition().orElse(0));
        }
        return covered == (long) widest + 1 ? min : 0;
    }

    /** Waits until every projection has processed the log up to the current head, or the timeout passes. */
    public boolean awaitCaughtUp(Duration timeout) {
        long head = log.headSequence();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean caughtUp = true;
            for (var processor : processing.eventProcessors().values()) {
                if (processor instanceof StreamingEventProcessor streaming && position(streaming) < head) {
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
