package id.sakip.ledger.budget.web;

import java.math.BigDecimal;
import java.util.List;

import id.sakip.ledger.budget.api.EconomicClass;
import id.sakip.ledger.budget.api.OutputIndicator;
import id.sakip.ledger.budget.query.BudgetAmendmentReport;
import id.sakip.ledger.budget.query.BudgetRealisationReport;
import id.sakip.ledger.budget.query.BudgetTree;
import id.sakip.ledger.shared.export.ReportTable;
import id.sakip.ledger.shared.export.ReportTable.Kind;

/** The budget reports laid out as the LKjIP prints them, for downloads (Tables 3.9 and 2.6). */
public final class BudgetTables {

    private static final String[] MONTHS = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
            "Agustus", "September", "Oktober", "November", "Desember"};

    private BudgetTables() {
    }

    /** Table 3.9 per line, then per program, then the monthly cumulative absorption. */
    public static List<ReportTable> realisation(BudgetRealisationReport r, String subtitle) {
        ReportTable.Builder lines = ReportTable.titled("Tabel 3.9 Realisasi anggaran " + r.fiscalYear())
                .subtitle(subtitle)
                .column("No", Kind.INTEGER).column("Program", Kind.INTEGER).column("Sub kegiatan", Kind.TEXT)
                .column("Jenis belanja", Kind.TEXT).column("Anggaran (Rp)", Kind.RUPIAH)
                .column("Realisasi (Rp)", Kind.RUPIAH).column("Sisa (Rp)", Kind.RUPIAH)
                .column("Serapan (%)", Kind.PERCENT);
        for (BudgetRealisationReport.LineRow l : r.lines()) {
            lines.row(l.number(), l.program(), l.name(), l.economicClass().label(), l.budget(), l.realised(),
                    l.remaining(), l.absorptionPercent());
        }
        BudgetRealisationReport.Amounts t = r.total();
        lines.totalRow(null, null, "Jumlah", null, t.budget(), t.realised(), t.remaining(), t.absorptionPercent());

        ReportTable.Builder programs = ReportTable.titled("Realisasi per program " + r.fiscalYear())
                .subtitle(subtitle)
                .column("Program", Kind.TEXT).column("Nama", Kind.TEXT).column("Anggaran (Rp)", Kind.RUPIAH)
                .column("Realisasi (Rp)", Kind.RUPIAH).column("Sisa (Rp)", Kind.RUPIAH)
                .column("Serapan (%)", Kind.PERCENT);
        for (BudgetRealisationReport.GroupRow g : r.programs()) {
            programs.row(g.id(), g.name(), g.budget(), g.realised(), g.remaining(), g.absorptionPercent());
        }
        programs.totalRow(null, "Jumlah", t.budget(), t.realised(), t.remaining(), t.absorptionPercent());

        ReportTable.Builder monthly = ReportTable.titled("Serapan kumulatif per bulan " + r.fiscalYear())
                .subtitle(subtitle)
                .column("Bulan", Kind.TEXT).column("Realisasi kumulatif (Rp)", Kind.RUPIAH)
                .column("Serapan kumulatif (%)", Kind.PERCENT);
        for (BudgetRealisationReport.MonthRow m : r.monthly()) {
            monthly.row(MONTHS[m.month() - 1], m.cumulativeRealised(), m.cumulativeAbsorptionPercent());
        }
        return List.of(lines.build(), programs.build(), monthly.build());
    }

    /** Headings of the {@link #dpa} sheet: those of the DPA import template, so that the sheet imports as it is. */
    public static final List<String> DPA_HEADINGS = List.of("No", "Kode", "Program", "Nama program", "Kegiatan",
            "Nama kegiatan", "Sub kegiatan", "Jenis belanja", "Anggaran", "Realisasi", "Sasaran", "Indikator",
            "Target", "Satuan", "Indikator program", "Target program", "Satuan program", "Sasaran kegiatan",
            "Indikator kegiatan", "Target kegiatan", "Satuan kegiatan");

    private static final List<Kind> DPA_KINDS = List.of(Kind.INTEGER, Kind.TEXT, Kind.INTEGER, Kind.TEXT,
            Kind.INTEGER, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.RUPIAH, Kind.RUPIAH, Kind.TEXT, Kind.TEXT,
            Kind.NUMBER, Kind.TEXT, Kind.TEXT, Kind.NUMBER, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.NUMBER, Kind.TEXT);

    /**
     * The whole DPA, one row per sub kegiatan with its program and kegiatan, their indicators, its sasaran,
     * indicator, current amount and realised total: the sheet a Table 3.9 workbook is imported back from.
     */
    public static ReportTable dpa(BudgetTree tree, String subtitle) {
        ReportTable.Builder sheet = ReportTable.titled("Rincian DPA " + tree.fiscalYear()).subtitle(subtitle);
        for (int c = 0; c < DPA_HEADINGS.size(); c++) {
            sheet.column(DPA_HEADINGS.get(c), DPA_KINDS.get(c));
        }
        for (BudgetTree.Program p : tree.programs()) {
            for (BudgetTree.Activity a : p.activities()) {
                for (BudgetTree.Line l : a.lines()) {
                    sheet.row(l.number(), l.lineId(), p.number(), p.name(), a.number(), a.name(), l.name(),
                            l.economicClass().label(), l.amount().value(), l.realised().value(), l.objective(),
                            name(l.indicator()), target(l.indicator()), unit(l.indicator()), name(p.indicator()),
                            target(p.indicator()), unit(p.indicator()), a.objective(), name(a.indicator()),
                            target(a.indicator()), unit(a.indicator()));
                }
            }
        }
        return sheet.build();
    }

    private static String name(OutputIndicator indicator) {
        return indicator == null ? null : indicator.name();
    }

    private static BigDecimal target(OutputIndicator indicator) {
        return indicator == null ? null : indicator.target();
    }

    private static String unit(OutputIndicator indicator) {
        return indicator == null ? null : indicator.unit();
    }

    /** Table 2.6 per economic class before and after the amendments, then each amendment. */
    public static List<ReportTable> amendments(BudgetAmendmentReport r, String subtitle) {
        ReportTable.Builder classes = ReportTable.titled("Tabel 2.6 Anggaran sebelum dan sesudah perubahan "
                        + r.fiscalYear())
                .subtitle(subtitle)
                .column("Jenis belanja", Kind.TEXT).column("Sebelum perubahan (Rp)", Kind.RUPIAH)
                .column("Sesudah perubahan (Rp)", Kind.RUPIAH).column("Selisih (Rp)", Kind.RUPIAH);
        for (EconomicClass c : EconomicClass.values()) {
            long before = r.adopted().getOrDefault(c, 0L);
            long after = r.current().getOrDefault(c, 0L);
            if (before != 0 || after != 0) {
                classes.row(c.label(), before, after, after - before);
            }
        }
        classes.totalRow("Jumlah", r.adoptedTotal(), r.currentTotal(), r.currentTotal() - r.adoptedTotal());

        ReportTable.Builder history = ReportTable.titled("Riwayat perubahan anggaran " + r.fiscalYear())
                .subtitle(subtitle)
                .column("Berlaku", Kind.TEXT).column("Jenis", Kind.TEXT).column("Alasan", Kind.TEXT)
                .column("Dasar hukum", Kind.TEXT).column("Total sebelum (Rp)", Kind.RUPIAH)
                .column("Total sesudah (Rp)", Kind.RUPIAH).column("Selisih (Rp)", Kind.RUPIAH)
                .column("Baris diubah", Kind.INTEGER).column("Dicatat oleh", Kind.TEXT);
        for (BudgetAmendmentReport.Row a : r.amendments()) {
            history.row(a.effectiveDate(), a.kind(), a.reason(), a.legalBasis(), a.totalBefore(), a.totalAfter(),
                    a.difference(), a.linesChanged(), a.actor());
        }
        return List.of(classes.build(), history.build());
    }
}
