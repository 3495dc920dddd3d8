package id.sakip.ledger.performance.web;

import java.util.List;

import id.sakip.ledger.performance.query.PerformanceReports.AchievementReport;
import id.sakip.ledger.performance.query.PerformanceReports.AchievementRow;
import id.sakip.ledger.performance.query.PerformanceReports.ComparisonReport;
import id.sakip.ledger.performance.query.PerformanceReports.ComparisonRow;
import id.sakip.ledger.performance.query.PerformanceReports.ObjectiveIndicator;
import id.sakip.ledger.performance.query.PerformanceReports.ObjectiveReport;
import id.sakip.ledger.performance.query.PerformanceReports.ObjectiveRow;
import id.sakip.ledger.performance.query.PerformanceReports.ProgressReport;
import id.sakip.ledger.performance.query.PerformanceReports.ProgressRow;
import id.sakip.ledger.performance.query.PerformanceReports.YearValue;
import id.sakip.ledger.shared.export.ReportTable;
import id.sakip.ledger.shared.export.ReportTable.Kind;

/** The performance reports laid out as the LKjIP prints them, for downloads (Tables 3.2, 3.3, 3.4, sasaran). */
public final class PerformanceTables {

    private PerformanceTables() {
    }

    public static List<ReportTable> achievement(AchievementReport r, String subtitle) {
        ReportTable.Builder t = ReportTable.titled("Tabel 3.2 Capaian kinerja " + r.year()).subtitle(subtitle)
                .column("Indikator", Kind.TEXT).column("Nama indikator", Kind.TEXT).column("Sasaran", Kind.TEXT)
                .column("Satuan", Kind.TEXT).column("Target", Kind.DECIMAL).column("Realisasi", Kind.DECIMAL)
                .column("Capaian (%)", Kind.PERCENT).column("Kategori", Kind.TEXT).column("Predikat", Kind.TEXT);
        for (AchievementRow row : r.rows()) {
            t.row(row.indicatorId(), row.name(), row.objective(), row.unit(), row.target(), row.realisation(),
                    row.achievementPercent(), row.category(), row.grade());
        }
        return List.of(t.build());
    }

    /**
     * The sasaran scores as LKjIPs print them: per sasaran its indicators, then a "Jumlah" row (the sum of
     * their capaian) and a "Rata-rata capaian" row (the mean, with the sasaran's category).
     */
    public static List<ReportTable> objectives(ObjectiveReport r, String subtitle) {
        ReportTable.Builder t = ReportTable.titled("Capaian kinerja sasaran " + r.year()).subtitle(subtitle)
                .column("Sasaran", Kind.TEXT).column("Indikator", Kind.TEXT).column("Nama indikator", Kind.TEXT)
                .column("Satuan", Kind.TEXT).column("Target", Kind.DECIMAL).column("Realisasi", Kind.DECIMAL)
                .column("Capaian (%)", Kind.PERCENT).column("Kategori", Kind.TEXT);
        for (ObjectiveRow o : r.objectives()) {
            for (ObjectiveIndicator i : o.indicators()) {
                t.row(o.objective() + " " + o.name(), i.indicatorId(), i.name(), i.unit(), i.target(),
                        i.realisation(), i.achievementPercent(), i.category());
            }
            t.totalRow(o.objective(), null, "Jumlah (" + o.measuredCount() + " dari " + o.indicatorCount()
                    + " indikator)", null, null, null, o.achievementTotal(), null);
            t.totalRow(o.objective(), null, "Rata-rata capaian", null, null, null, o.achievementPercent(),
                    o.category());
        }
        return List.of(t.build());
    }

    /** Table 3.3 in its printed shape: one row per indicator, target, realisation and capaian per year. */
    public static List<ReportTable> comparison(ComparisonReport r, String subtitle) {
        ReportTable.Builder t = ReportTable.titled("Tabel 3.3 Perbandingan capaian " + r.from() + "-" + r.to())
                .subtitle(subtitle).column("Indikator", Kind.TEXT).column("Nama indikator", Kind.TEXT);
        for (int y = r.from(); y <= r.to(); y++) {
            t.column("Target " + y, Kind.DECIMAL).column("Realisasi " + y, Kind.DECIMAL)
                    .column("Capaian " + y + " (%)", Kind.PERCENT);
        }
        for (ComparisonRow row : r.rows()) {
            Object[] cells = new Object[2 + 3 * (r.to() - r.from() + 1)];
            cells[0] = row.indicatorId();
            cells[1] = row.name();
            for (YearValue v : row.years()) {
                int at = 2 + 3 * (v.year() - r.from());
                cells[at] = v.target();
                cells[at + 1] = v.realisation();
                cells[at + 2] = v.achievementPercent();
            }
            t.row(cells);
        }
        return List.of(t.build());
    }

    public static List<ReportTable> progress(ProgressReport r, String subtitle) {
        ReportTable.Builder t = ReportTable.titled("Tabel 3.4 Kemajuan terhadap target akhir Renstra " + r.year())
                .subtitle(subtitle)
                .column("Indikator", Kind.TEXT).column("Nama indikator", Kind.TEXT)
                .column("Realisasi " + r.year(), Kind.DECIMAL).column("Tahun akhir", Kind.YEAR)
                .column("Target akhir", Kind.DECIMAL).column("Tingkat kemajuan (%)", Kind.PERCENT)
                .column("Kategori", Kind.TEXT);
        for (ProgressRow row : r.rows()) {
            t.row(row.indicatorId(), row.name(), row.realisation(), row.finalYear(), row.finalTarget(),
                    row.progressPercent(), row.category());
        }
        return List.of(t.build());
    }
}
