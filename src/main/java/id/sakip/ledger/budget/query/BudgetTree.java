package id.sakip.ledger.budget.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import id.sakip.ledger.budget.api.EconomicClass;
import id.sakip.ledger.budget.api.OutputIndicator;
import id.sakip.ledger.shared.Rupiah;

/**
 * A budget as its tree of programs, kegiatan and sub kegiatan, each with its sasaran, indicator and target, its
 * current amount and what has been realised against it; every group's amounts are the sums of its lines.
 */
@Schema(name = "BudgetTree")
public record BudgetTree(String organisationId, int fiscalYear, String fund, String legalBasis, LocalDate adoptedOn,
                         boolean closed, Rupiah amount, Rupiah realised, List<Program> programs) {

    /** A program with its indicator and kegiatan. */
    @Schema(name = "BudgetTreeProgram")
    public record Program(int number, String name, OutputIndicator indicator, Rupiah amount, Rupiah realised,
                          List<Activity> activities) {
    }

    /** A kegiatan with its sasaran, indicator and sub kegiatan. */
    @Schema(name = "BudgetTreeActivity")
    public record Activity(int number, String name, String objective, OutputIndicator indicator, Rupiah amount,
                           Rupiah realised, List<Line> lines) {
    }

    /**
     * A sub kegiatan (budget line).
     *
     * @param objective      the sasaran its spending supports, its kegiatan's when it names none of its own
     * @param originalAmount its amount as adopted (0 for a line added by an amendment)
     * @param amount         its current amount
     * @param realised       realisations recorded less those reversed
     */
    @Schema(name = "BudgetTreeLine")
    public record Line(String lineId, int number, String name, EconomicClass economicClass, String objective,
                       OutputIndicator indicator, Rupiah originalAmount, Rupiah amount, Rupiah realised) {
    }

    /** The tree of a folded budget, in the order it was adopted (lines added by amendments after their kegiatan's). */
    public static BudgetTree of(BudgetBook book) {
        List<Program> programs = new ArrayList<>();
        long amount = 0;
        long realised = 0;
        for (BudgetBook.ProgramInfo p : book.programs) {
            List<Activity> activities = new ArrayList<>();
            long programAmount = 0;
            long programRealised = 0;
            for (BudgetBook.ActivityInfo a : book.activities) {
                if (a.programNumber() != p.number()) {
                    continue;
                }
                List<Line> lines = new ArrayList<>();
                long activityAmount = 0;
                long activityRealised = 0;
                for (BudgetBook.LineBook l : book.lines.values()) {
                    if (l.programNumber == p.number() && l.activityNumber == a.number()) {
                        lines.add(new Line(l.lineId, l.number, l.name, l.economicClass, l.objective, l.indicator,
                                Rupiah.of(l.original), Rupiah.of(l.budget), Rupiah.of(l.realised)));
                        activityAmount = Math.addExact(activityAmount, l.budget);
                        activityRealised = Math.addExact(activityRealised, l.realised);
                    }
                }
                activities.add(new Activity(a.number(), a.name(), a.objective(), a.indicator(),
                        Rupiah.of(activityAmount), Rupiah.of(activityRealised), lines));
                programAmount = Math.addExact(programAmount, activityAmount);
                programRealised = Math.addExact(programRealised, activityRealised);
            }
            programs.add(new Program(p.number(), p.name(), p.indicator(), Rupiah.of(programAmount),
                    Rupiah.of(programRealised), activities));
            amount = Math.addExact(amount, programAmount);
            realised = Math.addExact(realised, programRealised);
        }
        return new BudgetTree(book.organisationId, book.fiscalYear, book.fund, book.legalBasis, book.adoptedOn,
                book.closed, Rupiah.of(amount), Rupiah.of(realised), programs);
    }
}
