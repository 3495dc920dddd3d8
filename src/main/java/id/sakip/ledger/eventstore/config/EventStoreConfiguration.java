package id.sakip.ledger.eventstore.config;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.UUID;

import org.axonframework.common.caching.Cache;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.LoggingErrorHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import com.mongodb.client.MongoDatabase;

import id.sakip.ledger.access.query.UserDirectory;
import id.sakip.ledger.eventstore.BoundedAggregateCache;
import id.sakip.ledger.eventstore.ChainVerifier;
import id.sakip.ledger.eventstore.CommitLog;
import id.sakip.ledger.eventstore.LedgerEventStorageEngine;
import id.sakip.ledger.eventstore.MongoTokenStore;

/**
 * Wires Axon to the ledger's own MongoDB event storage engine and token store.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerProperties.class)
public class EventStoreConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Event processors keep their claim and retry schedules by the machine's clock, not the ledger's:
     * a ledger clock that is set (in tests, or held for a replay) must not stop a processor from taking
     * back a segment another node released. On a shared store, a segment that handles none of the new
     * events still stores its token within 200 ms, so a read on another node, which waits for every
     * segment, is not held up to the default five seconds. A ledger on the store it started itself is the
     * only node, whose reads see its segments' positions in memory; there the default keeps an idle ledger
     * from writing, and forcing to the disk, a claim every 200 ms.
     */
    @Bean
    public ConfigurerModule processorsKeepMachineTime(LedgerProperties properties) {
        boolean sharedStore = !properties.mongo().embedded();
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration((config, builder) -> {
                    builder.clock(Clock.systemUTC());
                    if (sharedStore) {
                        builder.claimExtensionThreshold(200);
                    }
                    return builder;
                }));
    }

    /**
     * A projection that fails on an event stops and takes the event again; Axon's default logged the failure
     * and moved the token past the event, so a read model could lack a realisation and still look caught up.
     * The sign-in cache is the exception: it is subscribing, so it sees events after they are stored, and a
     * failure there would report a recorded command as failed; it only forgets entries, which expire anyway.
     */
    @Bean
    public ConfigurerModule projectionsNeverStepOverAnEvent() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(UserDirectory.PROCESSOR, config -> new LoggingErrorHandler()));
    }

    @Bean(destroyMethod = "close")
    public MongoConnection mongoConnection(LedgerProperties properties, Clock clock) {
        GenericEventMessage.clock = clock;
        return MongoConnection.open(properties);
    }

    /** File commits of the embedded store: how often and how long writes wait for the disk. */
    @Bean
    public MeterBinder embeddedStoreMeters(MongoConnection connection) {
        return registry -> {
            if (connection.embedded() == null) {
                return;
            }
            var backend = connection.embedded().backend();
            FunctionCounter.builder("ledger.store.commits", backend,
                    b -> b.fileCommits()).description("File commits of the embedded store").register(registry);
            FunctionCounter.builder("ledger.store.commit.time", backend,
                    b -> b.fileCommitSeconds()).baseUnit("seconds")
                    .description("Time spent in file commits of the embedded store, lock wait included")
                    .register(registry);
            FunctionCounter.builder("ledger.store.forces", backend,
                    b -> b.fileForces()).description("Forces of the embedded store's file to the disk").register(registry);
            FunctionCounter.builder("ledger.store.force.time", backend,
                    b -> b.fileForceSeconds()).baseUnit("seconds")
                    .description("Time spent forcing the embedded store's file to the disk").register(registry);
        };
    }

    @Bean
    public MongoDatabase ledgerDatabase(MongoConnection connection) {
        return connection.database();
    }

    @Bean(destroyMethod = "close")
    public CommitLog commitLog(MongoDatabase ledgerDatabase, Clock clock) {
        return new CommitLog(ledgerDatabase, clock);
    }

    @Bean
    public LedgerEventStorageEngine eventStorageEngine(CommitLog commitLog, MongoDatabase ledgerDatabase,
                                                 Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Configuration configuration, LedgerProperties properties) {
        return LedgerEventStorageEngine.builder()
                .streamingCursor(!properties.mongo().embedded())
                .commitLog(commitLog)
                .database(ledgerDatabase)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(snapshot -> configuration.snapshotFilter().allow(snapshot))
                .build();
    }

    @Bean
    public EventStore eventStore(EventStorageEngine eventStorageEngine, Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(eventStorageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .fetchDelay(100)
                .build();
    }

    @Bean
    public MongoTokenStore tokenStore(MongoDatabase ledgerDatabase, Serializer serializer, Clock clock,
                                      LedgerProperties properties, MongoConnection connection) {
        String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString()
                .substring(0, 8);
        MongoTokenStore tokenStore = new MongoTokenStore(ledgerDatabase, serializer, clock,
                properties.mongo().claimTimeout(), owner);
        if (connection.embedded() != null) {
            tokenStore.releaseClaimsOfEndedRuns();
        }
        return tokenStore;
    }

    @Bean
    public id.sakip.ledger.eventstore.SegmentBalancer segmentBalancer(MongoDatabase ledgerDatabase,
                                                                      org.axonframework.config.EventProcessingConfiguration processing,
                                                                      TokenStore tokenStore) {
        return new id.sakip.ledger.eventstore.SegmentBalancer(ledgerDatabase, processing, tokenStore);
    }

    @Bean
    public ChainVerifier chainVerifier(MongoDatabase ledgerDatabase) {
        return new ChainVerifier(ledgerDatabase);
    }

    /** Snapshots are taken on their own thread, after the command's commit, never on the command path. */
    @Bean
    public org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean aggregateSnapshotter() {
        org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean factory =
                new org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean();
        factory.setExecutor(java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ledger-snapshotter");
            t.setDaemon(true);
            return t;
        }));
        return factory;
    }

    /** A strongly held, bounded aggregate cache: Axon's weak-reference cache loses aggregates under load. */
    @Bean
    public Cache aggregateCache() {
        return new BoundedAggregateCache(5_000);
    }
}
