package id.sakip.ledger.eventstore;

import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A test upcaster: revision 1 of CounterIncremented becomes CounterIncrementedV2 with a currency. */
final class TestUpcaster extends SingleEventUpcaster {

    /** Revision 2 of a counter increment, with the currency the counter counts in. */
    @Revision("2")
    record CounterIncrementedV2(String counterId, long by, String note, String currency) {
    }

    private static final SimpleSerializedType SOURCE =
            new SimpleSerializedType(TestEvents.CounterIncremented.class.getName(), "1");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation ir) {
        return ir.getType().equals(SOURCE);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation ir) {
        return ir.upcastPayload(new SimpleSerializedType(CounterIncrementedV2.class.getName(), "2"), JsonNode.class,
                node -> ((ObjectNode) node).put("currency", "IDR"));
    }
}
