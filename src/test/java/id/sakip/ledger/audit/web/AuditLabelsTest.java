package id.sakip.ledger.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A line's or indicator's history says what changed in words, not as codes or a raw map. */
class AuditLabelsTest {

    private final AuditLabels labels = new AuditLabels();

    @Test
    void changesAndDetailsReadInIndonesian() {
        assertThat(labels.change("REALISATION_RECORDED")).isEqualTo("Realisasi dicatat");
        assertThat(labels.change("TARGET_AMENDED")).isEqualTo("Target diubah");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("entryId", "e-1");
        details.put("amount", 1_500_000);
        details.put("valueDate", "2023-11-20");
        details.put("document", "SP2D-001");
        details.put("description", "Gaji November");
        assertThat(labels.details(details)).isEqualTo("tanggal 20-11-2023 · dokumen SP2D-001 · uraian: Gaji November");
        assertThat(labels.role("PLANNER")).isEqualTo("Perencana");
    }
}
