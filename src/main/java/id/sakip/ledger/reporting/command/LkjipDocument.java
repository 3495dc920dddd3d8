package id.sakip.ledger.reporting.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import id.sakip.ledger.budget.api.BudgetProgram;
import id.sakip.ledger.performance.computation.ScaleBand;
import id.sakip.ledger.performance.computation.ScaleKind;
import id.sakip.ledger.reporting.api.PrintedTable;
import id.sakip.ledger.shared.Rupiah;

/**
 * An LKjIP data file (the format of {@code shared/reference/jiken-2023.yaml}) after validation:
 * the organisation, its budget with year-end realisations, its Renstra, and what the printed
 * report said.
 *
 * @param digest  SHA-256 of the file's bytes; importing the same digest again appends nothing
 * @param printed the printed tables (list or keyed form, and the amendment), each with its year; may be empty
 */
public record LkjipDocument(String digest, OrganisationPart organisation, BudgetPart budget, PlanPart plan,
                            List<PrintedTable> printed, List<ImportedScale> gradingScales) {

    public LkjipDocument {
        gradingScales = gradingScales == null ? List.of() : List.copyOf(gradingScales);
    }

    public LkjipDocument(String digest, OrganisationPart organisation, BudgetPart budget, PlanPart plan,
                         List<PrintedTable> printed) {
        this(digest, organisation, budget, plan, printed, List.of());
    }

    /**
     * A category scale of the file's {@code grading_scales} block (capaian or efficiency), already valid.
     *
     * @param effectiveFrom the block's {@code effective_from}, else the file's report year
     */
    public record ImportedScale(ScaleKind kind, int effectiveFrom, String legalBasis, String reason, BigDecimal cap,
                                List<ScaleBand> bands) {
    }

    /** The organisation block. */
    public record OrganisationPart(String id, String name, String kabupaten, String provinsi, String head,
                                   List<String> villages, LocalDate reportSigned, String headName, String headNip,
                                   String reportPlace) {
    }

    /** The budget block: the tree and each line's realisations. */
    public record BudgetPart(int fiscalYear, String fund, List<BudgetProgram> programs,
                             Map<String, List<ImportedRealisation>> realisations) {

        public int lineCount() {
            return programs.stream().flatMap(p -> p.activities().stream()).mapToInt(a -> a.lines().size()).sum();
        }
    }

    /** One realisation entry to record on a line. */
    public record ImportedRealisation(LocalDate date, Rupiah amount, String document, String description) {
    }

    /** The strategic plan (Renstra) block. */
    public record PlanPart(String id, int from, int to, String vision, String mission, List<Goal> goals) {
    }

    /** A goal (tujuan). */
    public record Goal(String id, String name, List<Objective> objectives) {
    }

    /** An objective (sasaran). */
    public record Objective(String id, String name, List<Indicator> indicators) {
    }

    /** An indicator (IKU) with its yearly targets and realisations. */
    public record Indicator(String id, String name, String unit, String direction, String calculation,
                            String grading, String dataSource, String formula, Map<Integer, BigDecimal> targets,
                            Map<Integer, BigDecimal> realisations) {
    }
}
