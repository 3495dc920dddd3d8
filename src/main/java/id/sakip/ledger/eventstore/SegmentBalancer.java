package id.sakip.ledger.eventstore;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import jakarta.annotation.PreDestroy;

/**
 * Shares the projections' segments between ledger instances on one database. Every instance writes a
 * heartbeat; an instance that holds more than its fair share of a processor's segments (segments ÷
 * live instances, rounded up) releases one, which another instance's processor then claims. A single
 * instance keeps every segment; when an instance dies its claims expire and the others take over.
 */
public class SegmentBalancer {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
    private static final long ALIVE_MILLIS = 15_000;

    private final String nodeId = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private final MongoCollection<Document> instances;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ledger-segment-balancer");
        t.setDaemon(true);
        return t;
    });

    public SegmentBalancer(MongoDatabase database, EventProcessingConfiguration processing, TokenStore tokens) {
        this.instances = database.getCollection("ledger_instances");
        this.processing = processing;
        this.tokens = tokens;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        scheduler.scheduleWithFixedDelay(this::balance, 1, 3, TimeUnit.SECONDS);
    }

    void balance() {
        try {
            long now = System.currentTimeMillis();
            instances.replaceOne(Filters.eq("_id", nodeId), new Document("_id", nodeId).append("lastSeen", now),
                    new ReplaceOptions().upsert(true));
            long live = instances.countDocuments(Filters.gt("lastSeen", now - ALIVE_MILLIS));
            if (live <= 1) {
                return;
            }
            processing.eventProcessors().forEach((name, p) -> {
                if (p instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                    int total = tokens.fetchSegments(name).length;
                    long fair = (total + live - 1) / live;
                    Map<Integer, EventTrackerStatus> mine = streaming.processingStatus();
                    if (mine.size() > fair) {
                        int segment = mine.keySet().iterator().next();
                        log.info("Releasing segment {} of {} to another instance ({} held, fair share {})", segment,
                                name, mine.size(), fair);
                        streaming.releaseSegment(segment, 10, TimeUnit.SECONDS);
                    }
                }
            });
        } catch (RuntimeException e) {
            log.debug("Segment balancing skipped: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
        try {
            instances.deleteOne(Filters.eq("_id", nodeId));
        } catch (RuntimeException ignored) {
            // the heartbeat simply expires
        }
    }
}
