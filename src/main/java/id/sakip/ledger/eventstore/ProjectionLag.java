package id.sakip.ledger.eventstore;

import java.time.Duration;
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
    public java.util.List<String> processorNames() {
        java.util.List<String> names = new java.util.ArrayList<>();
        processing.eventProcessors().forEach((name, p) -> {
            if (p instanceof StreamingEventProcessor) {
                names.add(name);
            }
        });
        return names;
    }

    /** Events behind the head per processor; a processor with no claimed segment counts as fully behind. */
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

    private static long position(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return 0;
        }
        long min = Long.MAX_VALUE;
        for (EventTrackerStatus s : status.values()) {
            if (s.isErrorState()) {
                return 0;
            }
            min = Math.min(min, s.getCurrentPosition().orElse(0));
        }
        return min;
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
