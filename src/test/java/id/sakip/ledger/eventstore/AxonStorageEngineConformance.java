package id.sakip.ledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.eventsourcing.utils.EventStoreTestUtils.AGGREGATE;
import static org.axonframework.eventsourcing.utils.EventStoreTestUtils.createEvent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngineTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Axon Framework's own storage-engine suite ({@code AbstractEventStorageEngineTest} from the
 * {@code axon-eventsourcing} tests jar), run against {@link LedgerEventStorageEngine}. Subclasses give the database.
 * <p>
 * Two of Axon's tests are overridden for one deliberate difference: event identifiers are not unique in
 * the ledger. An event is identified by its global sequence (the commit's {@code _id}) and its aggregate
 * stream key, both under unique indexes; Axon's identifiers are random UUIDs, and making them unique would
 * add a second multikey unique index entry for every event of every commit, on the append path that is
 * already the ledger's slowest figure. Two events that share an identifier are therefore both stored.
 */
abstract class AxonStorageEngineConformance
        extends AbstractEventStorageEngineTest<LedgerEventStorageEngine, LedgerEventStorageEngine.Builder> {

    /**
     * Axon's suite resets the JVM-wide {@code GenericEventMessage.clock} to the system clock after each
     * test; the application sets it to the ledger's clock, so a Spring context cached in the same JVM would
     * otherwise stamp later events with another clock. The suite's own tearDown still runs.
     */
    private static Clock eventClockBefore;

    protected TestStore store;
    private final List<CommitLog> logs = new ArrayList<>();

    protected abstract TestStore openStore();

    private LedgerEventStorageEngine engine;

    @BeforeAll
    static void rememberTheEventClock() {
        eventClockBefore = GenericEventMessage.clock;
    }

    @AfterAll
    static void restoreTheEventClock() {
        GenericEventMessage.clock = eventClockBefore;
    }

    @BeforeEach
    void openStoreAndEngine() {
        store = openStore();
        engine = createEngine();
        setTestSubject(engine);
    }

    @AfterEach
    void closeStore() {
        Collections.reverse(logs);
        logs.forEach(CommitLog::close);
        logs.clear();
        store.close();
    }

    @Override
    protected LedgerEventStorageEngine createEngine(UnaryOperator<LedgerEventStorageEngine.Builder> customization) {
        CommitLog log = store.commitLog();
        logs.add(log);
        return customization.apply(LedgerEventStorageEngine.builder().commitLog(log).database(store.database())
                .eventSerializer(TestEvents.serializer()).snapshotSerializer(TestEvents.serializer())).build();
    }

    /** Overridden: event identifiers are not unique (see the class comment), so both first events are stored. */
    @Test
    @Override
    public void uniqueKeyConstraintOnFirstEventIdentifierThrowsAggregateIdentifierAlreadyExistsException() {
        engine.appendEvents(createEvent("id", AGGREGATE, 0), createEvent("id", "otherAggregate", 0));

        assertBothStored(0);
    }

    /** Overridden: event identifiers are not unique (see the class comment), so both events are stored. */
    @Test
    @Override
    public void uniqueKeyConstraintOnEventIdentifier() {
        engine.appendEvents(createEvent("id", AGGREGATE, 1), createEvent("id", "otherAggregate", 1));

        assertBothStored(1);
    }

    private void assertBothStored(long sequence) {
        assertThat(engine.readEvents(AGGREGATE).asStream().map(e -> e.getSequenceNumber())).containsExactly(sequence);
        assertThat(engine.readEvents("otherAggregate").asStream().map(e -> e.getSequenceNumber()))
                .containsExactly(sequence);
        try (var all = engine.readEvents(null, false)) {
            assertThat(all.map(EventMessage::getIdentifier)).containsExactly("id", "id");
        }
    }
}
