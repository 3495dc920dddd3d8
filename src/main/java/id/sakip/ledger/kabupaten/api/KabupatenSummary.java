package id.sakip.ledger.kabupaten.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Every organisation (OPD) of a kabupaten in one fiscal year, side by side: budget, realisation and
 * absorption, the mean capaian of its IKU, its SAKIP grade and its reconciliation findings, with the
 * kabupaten's total and its monthly absorption against the even-spending line.
 *
 * @param kabupatenId    the kabupaten id
 * @param name           the kabupaten's name
 * @param year           the fiscal year
 * @param asOf           the instant the ledger's knowledge is taken at, {@code null} for now
 * @param month          the month the even-spending comparison is made at: the as-of month within the
 *                       year, 12 for a past year, 0 for a year not begun
 * @param evenSpendingPercent where absorption would stand at {@code month} if spent evenly (month ÷ 12)
 * @param organisations  one row per organisation, by organisation id
 * @param total          the kabupaten's total over the organisations that have a budget for the year
 * @param monthly        the kabupaten's cumulative realisation by month against its total budget
 * @param furthestBehind organisations with a budget whose absorption at {@code month} is furthest below
 *                       the even-spending line, furthest first (at most five)
 */
@io.swagger.v3.oas.annotations.media.Schema(example = """
        {"kabupatenId": "blora", "name": "Blora", "year": 2023, "month": 12, "evenSpendingPercent": 100.00,
        "organisations": [{"organisationId": "kec-jiken", "name": "Kecamatan Jiken", "budget": 1923000000,
        "realised": 1849985878, "absorptionPercent": 96.20, "absorptionAtMonthPercent": 96.20,
        "meanAchievementPercent": 100.47, "indicatorsWithAchievement": 2, "sakipScore": 72.50, "sakipGrade": "BB",
        "reconciliationFindings": 22}], "total": {"budget": 1923000000, "realised": 1849985878, "absorptionPercent": 96.20,
        "organisations": 1, "organisationsWithBudget": 1}, "monthly": [{"month": 12, "cumulativeRealised": 1849985878,
        "cumulativeAbsorptionPercent": 96.20, "evenSpendingPercent": 100.00}], "furthestBehind": [{"organisationId": "kec-jiken",
        "name": "Kecamatan Jiken", "absorptionPercent": 96.20, "gapPercent": -3.80}]}
        """)
public record KabupatenSummary(String kabupatenId, String name, int year, Instant asOf, int month,
                               BigDecimal evenSpendingPercent, List<OrganisationRow> organisations, Total total,
                               List<MonthRow> monthly, List<Behind> furthestBehind) {

    /**
     * One organisation. Budget figures are {@code null} when it has no budget for the year,
     * {@code meanAchievementPercent} when none of its IKU has a capaian, the SAKIP fields when no
     * evaluation is recorded, and {@code reconciliationFindings} when no printed LKjIP of the year is.
     *
     * @param meanAchievementPercent the mean of its IKU's unrounded capaian for the year, rounded once
     * @param indicatorsWithAchievement how many IKU have a capaian for the year
     * @param absorptionAtMonthPercent its cumulative absorption at the summary's {@code month}
     */
    public record OrganisationRow(String organisationId, String name, Long budget, Long realised,
                                  BigDecimal absorptionPercent, BigDecimal absorptionAtMonthPercent,
                                  BigDecimal meanAchievementPercent, int indicatorsWithAchievement,
                                  BigDecimal sakipScore, String sakipGrade, Integer reconciliationFindings) {
    }

    /**
     * The kabupaten's sums: absorption is that of the summed figures, never a mean of percentages.
     *
     * @param organisations          the number of organisations listed
     * @param organisationsWithBudget how many of them have a budget for the year (the sums' scope)
     */
    public record Total(long budget, long realised, BigDecimal absorptionPercent, int organisations,
                        int organisationsWithBudget) {
    }

    /** Cumulative realisation of every organisation up to the end of a month, and the even line there. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "KabupatenMonthRow")
    public record MonthRow(int month, long cumulativeRealised, BigDecimal cumulativeAbsorptionPercent,
                           BigDecimal evenSpendingPercent) {
    }

    /** An organisation behind the even-spending line: its absorption at the month and the gap (negative). */
    public record Behind(String organisationId, String name, BigDecimal absorptionPercent,
                         BigDecimal gapPercent) {
    }
}
