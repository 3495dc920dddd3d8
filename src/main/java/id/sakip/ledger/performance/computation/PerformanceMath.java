package id.sakip.ledger.performance.computation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

import id.sakip.ledger.shared.Percentages;

/**
 * The LKjIP computations, one implementation used by every report: achievement (capaian) and its
 * category, objective achievement, efficiency, Renstra progress, SKM from survey responses and the
 * SAKIP score. Everything is exact; rounding happens once, HALF_UP, to 2 decimals.
 */
public final class PerformanceMath {

    public static final int SKM_ELEMENTS = 9;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private PerformanceMath() {
    }

    /**
     * Achievement, unrounded: R / T × 100 when higher is better, (2T − R) / T × 100 when lower is
     * better; {@code null} when the target or realisation is missing or the target is 0. Never capped.
     */
    public static BigDecimal achievementExact(BigDecimal target, BigDecimal realisation, Direction direction) {
        if (target == null || realisation == null || target.signum() == 0) {
            return null;
        }
        BigDecimal numerator = direction == Direction.LOWER_IS_BETTER
                ? TWO.multiply(target).subtract(realisation) : realisation;
        return Percentages.exactRatio(numerator, target);
    }

    public static BigDecimal achievement(BigDecimal target, BigDecimal realisation, Direction direction) {
        return Percentages.round(achievementExact(target, realisation, direction));
    }

    /**
     * Table 3.1 category of a rounded achievement on Jiken's scale ({@link CategoryScale#JIKEN_CAPAIAN}),
     * the default where no other scale is in force.
     */
    public static String category(BigDecimal roundedAchievement) {
        return CategoryScale.JIKEN_CAPAIAN.category(roundedAchievement);
    }

    /** Mean of unrounded achievements (those present), unrounded; {@code null} when there is none. */
    public static BigDecimal meanExact(List<BigDecimal> exactAchievements) {
        List<BigDecimal> present = exactAchievements.stream().filter(java.util.Objects::nonNull).toList();
        if (present.isEmpty()) {
            return null;
        }
        BigDecimal sum = present.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(present.size()), Percentages.EXACT);
    }

    /** Efficiency points: achievement − absorption, both unrounded, the result rounded once. */
    public static BigDecimal efficiency(BigDecimal achievementExact, BigDecimal absorptionExact) {
        if (achievementExact == null || absorptionExact == null) {
            return null;
        }
        return Percentages.round(achievementExact.subtract(absorptionExact));
    }

    /** Table 3.6 on Jiken's scale ({@link CategoryScale#JIKEN_EFFICIENCY}): > 0 Sangat Efisien, = 0 Efisien, < 0 Kurang. */
    public static String efficiencyCategory(BigDecimal points) {
        return CategoryScale.JIKEN_EFFICIENCY.category(points);
    }

    /**
     * SKM (PermenPAN-RB 14/2017): Σ (NRR of element × 1/9) × 25, where NRR is the mean score of the
     * respondents who answered that element. Computed as an exact fraction and rounded once.
     *
     * @param responses one array of 9 scores (1–4, or {@code null} for an unanswered element) per respondent
     */
    public static BigDecimal skm(List<Integer[]> responses) {
        BigInteger numerator = BigInteger.ZERO;
        BigInteger denominator = BigInteger.ONE;
        for (int element = 0; element < SKM_ELEMENTS; element++) {
            long sum = 0;
            long answered = 0;
            for (Integer[] r : responses) {
                if (r[element] != null) {
                    sum += r[element];
                    answered++;
                }
            }
            if (answered == 0) {
                throw new IllegalArgumentException("no respondent scored element " + (element + 1));
            }
            // numerator/denominator += sum/answered
            BigInteger a = BigInteger.valueOf(answered);
            numerator = numerator.multiply(a).add(BigInteger.valueOf(sum).multiply(denominator));
            denominator = denominator.multiply(a);
            BigInteger gcd = numerator.gcd(denominator);
            if (gcd.signum() > 0) {
                numerator = numerator.divide(gcd);
                denominator = denominator.divide(gcd);
            }
        }
        // × 1/9 × 25
        numerator = numerator.multiply(BigInteger.valueOf(25));
        denominator = denominator.multiply(BigInteger.valueOf(SKM_ELEMENTS));
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), 2, RoundingMode.HALF_UP);
    }

    /** The SAKIP evaluation total: the sum of its four components. */
    public static BigDecimal sakipScore(BigDecimal perencanaan, BigDecimal pengukuran, BigDecimal pelaporan,
                                        BigDecimal evaluasiInternal) {
        return perencanaan.add(pengukuran).add(pelaporan).add(evaluasiInternal).setScale(2, RoundingMode.HALF_UP);
    }
}
