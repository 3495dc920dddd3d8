package id.sakip.ledger.kabupaten.web;

import java.util.List;

import id.sakip.ledger.kabupaten.api.KabupatenSummary;
import id.sakip.ledger.kabupaten.api.KabupatenSummary.MonthRow;
import id.sakip.ledger.kabupaten.api.KabupatenSummary.OrganisationRow;
import id.sakip.ledger.shared.export.ReportTable;
import id.sakip.ledger.shared.export.ReportTable.Kind;

/** The kabupaten summary as downloadable tables: one row per OPD with the total, and the monthly curve. */
public final class KabupatenTables {

    private KabupatenTables() {
    }

    public static List<ReportTable> summary(KabupatenSummary s, String subtitle) {
        ReportTable.Builder opd = ReportTable.titled("Ringkasan OPD " + s.name() + " Tahun " + s.year())
                .subtitle(subtitle)
                .column("Kode OPD", Kind.TEXT).column("Nama OPD", Kind.TEXT)
                .column("Anggaran (Rp)", Kind.RUPIAH).column("Realisasi (Rp)", Kind.RUPIAH)
                .column("Serapan (%)", Kind.PERCENT).column("Serapan s.d. bulan " + s.month() + " (%)", Kind.PERCENT)
                .column("Rata-rata capaian IKU (%)", Kind.PERCENT).column("Jumlah IKU", Kind.INTEGER)
                .column("Nilai SAKIP", Kind.DECIMAL).column("Predikat SAKIP", Kind.TEXT)
                .column("Temuan rekonsiliasi", Kind.INTEGER);
        for (OrganisationRow r : s.organisations()) {
            opd.row(r.organisationId(), r.name(), r.budget(), r.realised(), r.absorptionPercent(),
                    r.absorptionAtMonthPercent(), r.meanAchievementPercent(), (long) r.indicatorsWithAchievement(),
                    r.sakipScore(), r.sakipGrade(), r.reconciliationFindings() == null ? null
                            : (long) r.reconciliationFindings());
        }
        opd.totalRow("Jumlah", s.total().organisations() + " OPD (" + s.total().organisationsWithBudget()
                        + " dengan anggaran)", s.total().budget(), s.total().realised(), s.total().absorptionPercent(),
                null, null, null, null, null, null);
        ReportTable.Builder curve = ReportTable.titled("Serapan Kumulatif " + s.name() + " per Bulan Tahun " + s.year())
                .subtitle(subtitle)
                .column("Bulan", Kind.INTEGER).column("Realisasi kumulatif (Rp)", Kind.RUPIAH)
                .column("Serapan kumulatif (%)", Kind.PERCENT).column("Garis serapan merata (%)", Kind.PERCENT);
        for (MonthRow m : s.monthly()) {
            curve.row((long) m.month(), m.cumulativeRealised(), m.cumulativeAbsorptionPercent(),
                    m.evenSpendingPercent());
        }
        return List.of(opd.build(), curve.build());
    }
}
