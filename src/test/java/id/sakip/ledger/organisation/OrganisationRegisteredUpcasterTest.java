package id.sakip.ledger.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import id.sakip.ledger.organisation.api.OrganisationRegistered;
import id.sakip.ledger.organisation.command.OrganisationRegisteredUpcaster;

/** An organisation registered before reports had a signer reads as one whose signer is not known. */
class OrganisationRegisteredUpcasterTest {

    @Test
    void revisionOneReadsAsRevisionTwoWithoutASigner() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        String stored = "{\"organisationId\":\"kec-jiken\",\"name\":\"Kecamatan Jiken\",\"kabupaten\":\"Blora\","
                + "\"provinsi\":\"Jawa Tengah\",\"head\":\"Camat\",\"villages\":[\"Jiken\"]}";
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Organisation", "kec-jiken", 0, "e-1",
                Instant.parse("2024-01-16T01:00:00Z"), OrganisationRegistered.class.getName(), "1",
                stored.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> read = new OrganisationRegisteredUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(read).hasSize(1);
        assertThat(read.get(0).getType().getRevision()).isEqualTo("2");
        OrganisationRegistered event = serializer.deserialize(read.get(0).getData());
        assertThat(event).isEqualTo(new OrganisationRegistered("kec-jiken", "Kecamatan Jiken", "Blora", "Jawa Tengah",
                "Camat", List.of("Jiken"), null, null, null));
    }
}
