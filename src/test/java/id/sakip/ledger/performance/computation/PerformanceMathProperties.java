package id.sakip.ledger.performance.computation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of the performance computations. */
class PerformanceMathProperties {

    @Provide
    Arbitrary<BigDecimal> values() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(2);
    }

    @Provide
    Arbitrary<BigDecimal> targets() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("100000")).ofScale(2);
    }

    @Property
    void higherIsBetterIsTheRatioRoundedOnce(@ForAll("targets") BigDecimal target, @ForAll("values") BigDecimal r) {
        BigDecimal expected = r.multiply(BigDecimal.valueOf(100)).divide(target, 2, RoundingMode.HALF_UP);
        assertThat(PerformanceMath.achievement(target, r, Direction.HIGHER_IS_BETTER)).isEqualTo(expected);
    }

    @Property
    void theTwoDirectionsMirrorEachOtherAroundTwoHundred(@ForAll("targets") BigDecimal target,
                                                         @ForAll("values") BigDecimal r) {
        BigDecimal higher = PerformanceMath.achievementExact(target, r, Direction.HIGHER_IS_BETTER);
        BigDecimal lower = PerformanceMath.achievementExact(target, r, Direction.LOWER_IS_BETTER);
        assertThat(higher.add(lower).setScale(20, RoundingMode.HALF_UP))
                .isEqualByComparingTo(BigDecimal.valueOf(200));
    }

    @Property
    void theCategoryIsMonotoneInTheAchievement(@ForAll("values") BigDecimal a, @ForAll("values") BigDecimal b) {
        List<String> order = List.of("Sangat Kurang", "Kurang", "Cukup", "Baik", "Sangat Baik");
        BigDecimal low = a.min(b);
        BigDecimal high = a.max(b);
        assertThat(order.indexOf(PerformanceMath.category(low)))
                .isLessThanOrEqualTo(order.indexOf(PerformanceMath.category(high)));
    }

    @Provide
    Arbitrary<List<List<Integer>>> responses() {
        return Arbitraries.integers().between(1, 4).list().ofSize(9).list().ofMinSize(1).ofMaxSize(200);
    }

    @Property
    void skmLiesBetween25And100(@ForAll("responses") List<List<Integer>> responses) {
        List<Integer[]> scores = new ArrayList<>();
        responses.forEach(r -> scores.add(r.toArray(new Integer[0])));
        BigDecimal skm = PerformanceMath.skm(scores);
        assertThat(skm).isBetween(new BigDecimal("25.00"), new BigDecimal("100.00"));
        assertThat(skm.scale()).isEqualTo(2);
        assertThat(GradingScale.SKM.grade(skm)).isNotNull();
    }

    @Property
    void aUniformScoreGivesTwentyFiveTimesThatScore(@ForAll @IntRange(min = 1, max = 4) int score,
                                                    @ForAll @IntRange(min = 1, max = 50) int respondents) {
        List<Integer[]> scores = new ArrayList<>();
        for (int i = 0; i < respondents; i++) {
            Integer[] r = new Integer[9];
            java.util.Arrays.fill(r, score);
            scores.add(r);
        }
        assertThat(PerformanceMath.skm(scores)).isEqualTo(BigDecimal.valueOf(25L * score).setScale(2));
    }

    @Property
    void everySakipScoreFromZeroToHundredHasOneGrade(@ForAll @Size(max = 0) List<Integer> ignored,
                                                     @ForAll("sakipScores") BigDecimal score) {
        assertThat(GradingScale.SAKIP.grade(score)).isNotNull();
    }

    @Provide
    Arbitrary<BigDecimal> sakipScores() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(100)).ofScale(2);
    }
}
