package id.sakip.ledger.reporting.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import id.sakip.ledger.reporting.api.PrintedReportRecorded;
import id.sakip.ledger.reporting.api.PrintedTable;

/** A revision-1 PrintedReportRecorded, as stored before tables by meaning, still reads: as tables of kinds. */
class PrintedReportUpcasterTest {

    private static final String REVISION_1 = """
            {"organisationId":"kec-jiken","year":2023,"source":"sha256:abc",
             "printed":{"table_3_2_2023":{"IKU-1":{"target":"75","realisasi":"72,50","capaian":"96,66"}},
                        "table_3_9_budget_realisation":{"total":[1925000000,1851985878,73014122,"96%"]},
                        "section_3_3_spending_split":{"total":1925000000},
                        "table_9_9_other":{"x":1}},
             "amendment":{"after":{"total":1925000000}}}
            """;

    @Test
    void aRevisionOneEventReadsAsTablesByMeaningWithTheirKeyedNames() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("PublishedReport",
                "published-report:kec-jiken:2023", 0, "e-1", Instant.parse("2024-01-20T00:00:00Z"),
                PrintedReportRecorded.class.getName(), "1", REVISION_1.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));

        DomainEventStream read = EventStreamUtils.upcastAndDeserializeDomainEvents(java.util.stream.Stream.of(stored),
                serializer, new PrintedReportUpcaster());
        DomainEventMessage<?> message = read.next();

        PrintedReportRecorded event = (PrintedReportRecorded) message.getPayload();
        assertThat(event.year()).isEqualTo(2023);
        assertThat(event.source()).isEqualTo("sha256:abc");
        List<PrintedTable> tables = event.tables();
        assertThat(tables).extracting(PrintedTable::label, PrintedTable::kind, PrintedTable::year, PrintedTable::key)
                .containsExactly(
                        tuple("Tabel 3.2", "indicator_achievement", 2023, "table_3_2_2023"),
                        tuple("Tabel 3.9", "budget_realisation", 2023, "table_3_9_budget_realisation"),
                        tuple("Bab 3.3", "class_split", 2023, "section_3_3_spending_split"),
                        tuple("Tabel 9.9", PrintedTables.UNRECOGNISED, 2023, "table_9_9_other"),
                        tuple("Tabel 2.6", "budget_amendment", 2023, "table_2_6_amendment"));
        assertThat(tables.get(0).rows()).containsKey("IKU-1");
        assertThat(tables.get(4).rows()).containsKey("after");
    }
}
