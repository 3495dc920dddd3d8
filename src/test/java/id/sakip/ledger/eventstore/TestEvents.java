package id.sakip.ledger.eventstore;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.json.JacksonSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Events of a test-only counter aggregate used by the storage-engine contract tests. */
final class TestEvents {

    private TestEvents() {
    }

    /** A counter was incremented. */
    @Revision("1")
    record CounterIncremented(String counterId, long by, String note) {
    }

    static JacksonSerializer serializer() {
        return JacksonSerializer.builder().objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()))
                .defaultTyping().build();
    }

    static DomainEventMessage<CounterIncremented> increment(String aggregate, long seq, long by) {
        return new GenericDomainEventMessage<>("Counter", aggregate, seq,
                new CounterIncremented(aggregate, by, "n" + seq), MetaData.with("actorId", "tester"));
    }

    static List<DomainEventMessage<?>> increments(String aggregate, long fromSeq, int count) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(increment(aggregate, fromSeq + i, i + 1));
        }
        return events;
    }

    static GenericEventMessage<CounterIncremented> standalone() {
        return new GenericEventMessage<>(new CounterIncremented("none", 1, UUID.randomUUID().toString()));
    }
}
