package id.sakip.ledger.reporting.web;

import java.util.List;

import id.sakip.ledger.reporting.query.EfficiencyReport;
import id.sakip.ledger.reporting.query.ReconciliationReport;
import id.sakip.ledger.shared.export.ReportTable;
import id.sakip.ledger.shared.export.ReportTable.Kind;

/** Table 3.7 and the reconciliation findings laid out for downloads. */
public final class LkjipTables {

    private LkjipTables() {
    }

    public static List<ReportTable> efficiency(EfficiencyReport r, String subtitle) {
        ReportTable.Builder t = ReportTable.titled("Tabel 3.7 Efisiensi penggunaan sumber daya " + r.year())
                .subtitle(subtitle)
                .column("Sasaran", Kind.TEXT).column("Nama sasaran", Kind.TEXT)
                .column("Capaian kinerja (%)", Kind.PERCENT).column("Anggaran (Rp)", Kind.RUPIAH)
                .column("Realisasi (Rp)", Kind.RUPIAH).column("Serapan (%)", Kind.PERCENT)
                .column("Efisiensi (poin)", Kind.DECIMAL).column("Kategori", Kind.TEXT);
        for (EfficiencyReport.Row row : r.rows()) {
            t.row(row.objective(), row.name(), row.achievementPercent(), row.budget(), row.realised(),
                    row.absorptionPercent(), row.efficiencyPoints(), row.category());
        }
        return List.of(t.build());
    }

    public static List<ReportTable> reconciliation(ReconciliationReport r, String subtitle) {
        ReportTable.Builder t = ReportTable.titled("Rekonsiliasi laporan tercetak " + r.year())
                .subtitle(subtitle + " · " + r.figuresCompared() + " angka dibandingkan, "
                        + r.discrepancies().size() + " tidak sesuai")
                .column("Tabel", Kind.TEXT).column("Butir", Kind.TEXT).column("Tercetak", Kind.NUMBER)
                .column("Dihitung buku besar", Kind.NUMBER).column("Selisih (pada ketelitian tercetak)", Kind.NUMBER);
        for (ReconciliationReport.Discrepancy d : r.discrepancies()) {
            t.row(ReconciliationLabels.tableName(d.label(), d.kind(), d.table()),
                    ReconciliationLabels.itemName(d.item()), d.printed(), d.computed(), d.difference());
        }
        if (r.notCompared().isEmpty()) {
            return List.of(t.build());
        }
        ReportTable.Builder skipped = ReportTable.titled("Tidak dibandingkan " + r.year()).subtitle(subtitle)
                .column("Butir dan alasannya", Kind.TEXT);
        r.notCompared().forEach(skipped::row);
        return List.of(t.build(), skipped.build());
    }
}
