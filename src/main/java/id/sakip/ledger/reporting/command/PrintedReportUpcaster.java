package id.sakip.ledger.reporting.command;

import java.util.Map;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import id.sakip.ledger.reporting.api.PrintedReportRecorded;

/**
 * Reads revision 1 of {@link PrintedReportRecorded} (the keyed {@code printed} and {@code amendment} maps)
 * as revision 2 (tables by meaning), with the same mapping the parser applies to a keyed file.
 */
@Component
public class PrintedReportUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(PrintedReportRecorded.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(PrintedReportRecorded.class.getName(), "2");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation ir) {
        return ir.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation ir) {
        return ir.upcastPayload(REVISION_2, JsonNode.class, PrintedReportUpcaster::toTables);
    }

    static JsonNode toTables(JsonNode revision1) {
        ObjectNode node = ((ObjectNode) revision1).deepCopy();
        Map<String, Object> printed = node.hasNonNull("printed") ? JSON.convertValue(node.get("printed"), MAP) : null;
        Map<String, Object> amendment = node.hasNonNull("amendment") ? JSON.convertValue(node.get("amendment"), MAP)
                : null;
        node.remove("printed");
        node.remove("amendment");
        node.set("tables", JSON.valueToTree(PrintedTables.fromKeyed(printed, amendment, node.path("year").asInt())));
        return node;
    }
}
