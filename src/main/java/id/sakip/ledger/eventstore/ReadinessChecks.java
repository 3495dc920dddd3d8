package id.sakip.ledger.eventstore;

import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoDatabase;

/**
 * Readiness of the ledger: the store answers, and every projection has caught up with the log
 * (within a small margin), so a page served now is not stale. Liveness stays the plain JVM state.
 */
@Component("ledger")
public class ReadinessChecks implements HealthIndicator {

    static final long MAX_LAG = 100;

    private final MongoDatabase database;
    private final ProjectionLag lag;
    private final LogIntegrityMonitor integrity;

    public ReadinessChecks(MongoDatabase ledgerDatabase, ProjectionLag lag) {
        this(ledgerDatabase, lag, null);
    }

    /** Readiness that is also down while the log is broken, and out of service until it was first verified. */
    @org.springframework.beans.factory.annotation.Autowired
    public ReadinessChecks(MongoDatabase ledgerDatabase, ProjectionLag lag, LogIntegrityMonitor integrity) {
        this.database = ledgerDatabase;
        this.lag = lag;
        this.integrity = integrity;
    }

    @Override
    public Health health() {
        try {
            database.runCommand(new org.bson.Document("ping", 1));
        } catch (RuntimeException e) {
            return Health.down().withDetail("store", "not answering: " + e.getMessage()).build();
        }
        if (integrity != null && integrity.broken() != null) {
            LogBroken broken = integrity.broken();
            return Health.down().withDetail("store", "answering").withDetail("log", "broken")
                    .withDetail("brokenAtSequence", String.valueOf(broken.brokenAtSequence()))
                    .withDetail("reason", broken.reason()).build();
        }
        if (integrity != null && !integrity.checked()) {
            return Health.outOfService().withDetail("store", "answering").withDetail("log", "being verified").build();
        }
        Map<String, Long> behind = lag.lagByProcessor();
        boolean caughtUp = behind.values().stream().allMatch(l -> l <= MAX_LAG);
        return (caughtUp ? Health.up() : Health.outOfService()).withDetail("store", "answering")
                .withDetail("projectionLag", behind).build();
    }
}
