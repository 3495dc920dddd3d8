package id.sakip.ledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import id.sakip.ledger.eventstore.metadata.LedgerMetadata;
import id.sakip.ledger.eventstore.testdomain.TallyCommands.AddToTally;
import id.sakip.ledger.eventstore.testdomain.TallyCommands.OpenTally;

/**
 * The application wired end to end on the embedded default: commands through Axon into our storage
 * engine, metadata on every event, the upcaster chain from the Spring context, snapshots, and the
 * verify endpoint.
 */
class LedgerWiringTest extends id.sakip.ledger.LedgerApiTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    LedgerEventStorageEngine engine;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired
    ProjectionLag lag;

    @Test
    void everySerializerIsJacksonAndXStreamIsNotOnTheClasspath() {
        assertThat(List.of(axon.serializer(), axon.eventSerializer(), axon.messageSerializer(),
                engine.getEventSerializer(), engine.getSnapshotSerializer()))
                .allSatisfy(s -> assertThat(s).isInstanceOf(org.axonframework.serialization.json.JacksonSerializer.class));
        assertThat(getClass().getClassLoader().getResource("com/thoughtworks/xstream/XStream.class"))
                .as("the pom excludes XStream from the Axon artifacts").isNull();
    }

    @Test
    void everyEventCarriesActorOrganisationCorrelationAndIdempotencyKey() {
        commands.sendAndWait(new OpenTally("t-1", "kec-jiken"),
                MetaData.with(LedgerMetadata.ACTOR_ID, "siti").and(LedgerMetadata.ACTOR_ROLE, "TREASURER")
                        .and(LedgerMetadata.CORRELATION_ID, "req-42").and(LedgerMetadata.IDEMPOTENCY_KEY, "key-1"));
        commands.sendAndWait(new AddToTally("t-1", "kec-jiken", 5));

        List<? extends org.axonframework.eventhandling.DomainEventMessage<?>> events =
                eventStore.readEvents("t-1").asStream().toList();
        assertThat(events).hasSize(2);
        Map<String, Object> first = events.get(0).getMetaData();
        assertThat(first).containsEntry(LedgerMetadata.ACTOR_ID, "siti")
                .containsEntry(LedgerMetadata.ACTOR_ROLE, "TREASURER")
                .containsEntry(LedgerMetadata.ORGANISATION_ID, "kec-jiken")
                .containsEntry(LedgerMetadata.CORRELATION_ID, "req-42")
                .containsEntry(LedgerMetadata.IDEMPOTENCY_KEY, "key-1");
        Map<String, Object> second = events.get(1).getMetaData();
        assertThat(second).containsEntry(LedgerMetadata.ACTOR_ID, LedgerMetadata.SYSTEM_ACTOR)
                .containsEntry(LedgerMetadata.ORGANISATION_ID, "kec-jiken")
                .containsKey(LedgerMetadata.CORRELATION_ID)
                .doesNotContainKey(LedgerMetadata.IDEMPOTENCY_KEY);
    }

    @Test
    void aHotAggregateIsSnapshottedAndKeepsItsState() {
        commands.sendAndWait(new OpenTally("t-2", "kec-jiken"));
        long total = 0;
        for (int i = 1; i <= 25; i++) {
            total = commands.sendAndWait(new AddToTally("t-2", "kec-jiken", i));
        }
        assertThat(total).isEqualTo(25 * 26 / 2);
        long deadline = System.currentTimeMillis() + 10_000;
        while (engine.readSnapshot("t-2").isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(engine.readSnapshot("t-2")).isPresent();
        assertThat(engine.readSnapshot("t-2").get().getSequenceNumber()).isGreaterThanOrEqualTo(9L);
    }

    @Test
    void axonMessagesAreCountedAndTimedWithoutTenMinuteCapacityWindows() {
        commands.sendAndWait(new OpenTally("t-metrics", "kec-jiken"));
        lag.awaitCaughtUp(java.time.Duration.ofSeconds(30));

        assertThat(meters.getMeters()).as("processor meters, tagged with the processor")
                .anySatisfy(m -> {
                    assertThat(m.getId().getName()).startsWith("eventProcessor.");
                    assertThat(m.getId().getTag("processorName")).isEqualTo("audit-index");
                });
        assertThat(meters.getMeters()).as("a timer of the command, tagged with its type")
                .anySatisfy(m -> {
                    assertThat(m).isInstanceOf(io.micrometer.core.instrument.Timer.class);
                    assertThat(m.getId().getName()).doesNotStartWith("eventProcessor.");
                    assertThat(m.getId().getTag("payloadType")).isEqualTo("OpenTally");
                });
        assertThat(meters.getMeters()).as("Axon's capacity monitors keep every message for ten minutes")
                .noneSatisfy(m -> assertThat(m.getId().getName()).endsWith(".capacity").doesNotStartWith("jvm."));
    }

    @Test
    void theUpcasterChainFromTheContextIsAppliedOnRead() {
        eventStore.publish(GenericEventMessage.asEventMessage(new TestEvents.CounterIncremented("c", 3, "x")));
        try (var stream = eventStore.openStream(null)) {
            TrackedEventMessage<?> last = null;
            while (stream.hasNextAvailable()) {
                last = stream.nextAvailable();
            }
            assertThat(last).isNotNull();
            assertThat(last.getPayload()).isEqualTo(new TestUpcaster.CounterIncrementedV2("c", 3, "x", "IDR"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theVerifyEndpointRecomputesTheChain() {
        commands.sendAndWait(new OpenTally("t-3", "kec-jiken"));
        @SuppressWarnings("unchecked")
        Map<String, Object> body = http.getForObject("/api/v1/audit/verify", Map.class);
        assertThat(body).containsEntry("verified", true).containsKeys("commits", "events", "headSequence", "headHash");
        assertThat(((Number) body.get("headSequence")).longValue()).isPositive();
    }
}
