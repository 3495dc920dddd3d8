package id.sakip.ledger.budget.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import id.sakip.ledger.budget.api.AdoptBudget;
import id.sakip.ledger.budget.api.BudgetActivity;
import id.sakip.ledger.budget.api.BudgetAdopted;
import id.sakip.ledger.budget.api.BudgetLine;
import id.sakip.ledger.budget.api.BudgetProgram;
import id.sakip.ledger.budget.api.EconomicClass;
import id.sakip.ledger.budget.api.OutputIndicator;
import id.sakip.ledger.budget.api.RealisationRecorded;
import id.sakip.ledger.budget.api.RecordRealisation;
import id.sakip.ledger.shared.Rupiah;

/** A small two-program budget used by the budget specifications. */
final class BudgetFixtures {

    static final String ORG = "kec-jiken";
    static final int YEAR = 2023;

    private BudgetFixtures() {
    }

    static BudgetLine line(String id, int number, EconomicClass c, long amount) {
        return new BudgetLine(id, number, "Line " + id, c, null, new OutputIndicator("output " + id,
                BigDecimal.valueOf(12), "bulan"), Rupiah.of(amount));
    }

    static List<BudgetProgram> programs() {
        return List.of(
                new BudgetProgram(1, "Program Penunjang", null, List.of(
                        new BudgetActivity(1, "Perencanaan", "S1", null, List.of(line("1", 1, EconomicClass.BARANG_JASA, 3_600_000))),
                        new BudgetActivity(2, "Administrasi Keuangan", "S1", null, List.of(
                                line("2", 2, EconomicClass.PEGAWAI, 1_443_000_000L),
                                line("3", 3, EconomicClass.PEGAWAI, 9_600_000))))),
                new BudgetProgram(2, "Program Pelayanan", null, List.of(
                        new BudgetActivity(8, "Pelimpahan", "S2", null, List.of(line("20", 20, EconomicClass.BARANG_JASA, 9_150_000))))));
    }

    static AdoptBudget adopt() {
        return new AdoptBudget(ORG, YEAR, "APBD", "DPA 2023", LocalDate.of(2023, 1, 2), null, programs());
    }

    static BudgetAdopted adopted() {
        return new BudgetAdopted(ORG, YEAR, "APBD", "DPA 2023", LocalDate.of(2023, 1, 2), null, programs());
    }

    static RecordRealisation spend(String entryId, String lineId, long amount) {
        return new RecordRealisation(ORG, YEAR, entryId, lineId, Rupiah.of(amount), LocalDate.of(2023, 5, 10),
                "SP2D-" + entryId, "payment " + entryId);
    }

    static RealisationRecorded spent(String entryId, String lineId, long amount) {
        return new RealisationRecorded(ORG, YEAR, entryId, lineId, Rupiah.of(amount), LocalDate.of(2023, 5, 10),
                "SP2D-" + entryId, "payment " + entryId);
    }
}
