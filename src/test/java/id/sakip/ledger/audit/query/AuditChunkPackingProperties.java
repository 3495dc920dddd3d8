package id.sakip.ledger.audit.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** A chunk of the audit index reads back, from its packed form, exactly the sequence numbers it held. */
class AuditChunkPackingProperties {

    @Property
    void aPackedChunkReadsBackTheSameAscendingSequenceNumbers(
            @ForAll @Size(max = 1_000) List<@LongRange(min = 0, max = Long.MAX_VALUE / 2) Long> numbers) {
        AuditIndexProjection.Chunk written = new AuditIndexProjection.Chunk();
        written.sequences().addAll(new TreeSet<>(numbers));

        AuditIndexProjection.Chunk read = new AuditIndexProjection.Chunk();
        read.packed(written.packed());

        assertThat(read.sequences()).isEqualTo(List.copyOf(new TreeSet<>(numbers)));
    }
}
