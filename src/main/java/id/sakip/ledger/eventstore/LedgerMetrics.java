package id.sakip.ledger.eventstore;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The ledger's own meters, all prefixed {@code ledger_}. Tags are low-cardinality only: event types,
 * processors, outcomes and rule codes; never ids or amounts.
 */
@Component
public class LedgerMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final DistributionSummary commitEvents;
    private final DistributionSummary commitBytes;
    private final Timer verification;

    public LedgerMetrics(MeterRegistry registry, CommitLog log, ProjectionLag lag) {
        this.registry = registry;
        this.commitEvents = DistributionSummary.builder("ledger.commit.events")
                .description("Events per commit").register(registry);
        this.commitBytes = DistributionSummary.builder("ledger.commit.bytes").baseUnit("bytes")
                .description("Approximate size of each commit's events").register(registry);
        this.verification = Timer.builder("ledger.verification.duration")
                .description("Time to recompute the hash chain").register(registry);
        Gauge.builder("ledger.log.head", log, l -> l.knownHeadSequence())
                .description("Global sequence of the last stored event").register(registry);
        log.onCommit(this::committed);
        this.lag = lag;
    }

    private final ProjectionLag lag;

    /** Registers a lag gauge per projection once Axon has built its processors. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public void registerLagGauges() {
        lag.processorNames().forEach(name -> Gauge.builder("ledger.projection.lag", lag,
                        l -> l.lagByProcessor().getOrDefault(name, 0L))
                .tag("processor", name).description("Events the projection is behind the head of the log")
                .register(registry));
    }

    private void committed(StoredCommit commit) {
        commitEvents.record(commit.events().size());
        long bytes = 0;
        for (StoredEvent e : commit.events()) {
            bytes += e.payload().length() + e.metaData().length() + 200;
            count("ledger.events.appended", "type", simpleName(e.payloadType()));
        }
        commitBytes.record(bytes);
        count("ledger.commits", null, null);
    }

    private static String simpleName(String type) {
        return type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
    }

    private void count(String name, String tag, String value) {
        String key = name + "|" + tag + "|" + value;
        counters.computeIfAbsent(key, k -> {
            Counter.Builder b = Counter.builder(name);
            if (tag != null) {
                b.tag(tag, value);
            }
            return b.register(registry);
        }).increment();
    }

    /** A realisation was recorded, or refused by the named rule. */
    public void realisation(String outcome, String rule) {
        String key = "ledger.realisations|" + outcome + "|" + rule;
        counters.computeIfAbsent(key, k -> Counter.builder("ledger.realisations").tag("outcome", outcome)
                .tag("rule", rule).description("Realisations recorded, and refused by rule").register(registry))
                .increment();
    }

    /** A verification ran for this long with this result. */
    public void verified(long millis, boolean verified) {
        verification.record(java.time.Duration.ofMillis(millis));
        count("ledger.verifications", "result", verified ? "verified" : "broken");
    }
}
