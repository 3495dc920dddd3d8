package id.sakip.ledger.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The reconciliation's rows are named as the LKjIP names them, not by the data file's keys. */
class ReconciliationLabelsTest {

    @Test
    void tablesAreNamedByTheirLkjipNumberAndTitle() {
        assertThat(ReconciliationLabels.tableName("table_3_9_budget_realisation")).isEqualTo("Tabel 3.9 Realisasi anggaran");
        assertThat(ReconciliationLabels.tableName("table_3_2_2023")).isEqualTo("Tabel 3.2 Capaian kinerja 2023");
        assertThat(ReconciliationLabels.tableName("table_3_4_progress_to_2026"))
                .isEqualTo("Tabel 3.4 Kemajuan terhadap target Renstra 2026");
        assertThat(ReconciliationLabels.tableName("section_3_3_spending_split")).isEqualTo("Bagian 3.3 Komposisi belanja");
    }

    @Test
    void itemsReadInIndonesian() {
        assertThat(ReconciliationLabels.itemName("before pegawai")).isEqualTo("sebelum pegawai");
        assertThat(ReconciliationLabels.itemName("after total")).isEqualTo("sesudah jumlah");
        assertThat(ReconciliationLabels.itemName("line 9 persentase")).isEqualTo("baris 9 persentase");
        assertThat(ReconciliationLabels.itemName("belanja_barang_jasa (all spending other than pegawai)"))
                .isEqualTo("belanja barang dan jasa (seluruh belanja selain pegawai)");
    }
}
