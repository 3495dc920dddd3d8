package id.sakip.ledger.performance.computation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The LKjIP computations at every boundary. */
class PerformanceMathTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void achievementIsRoundedOnceHalfUpNotTruncated() {
        assertThat(PerformanceMath.achievement(d("75"), d("72.50"), Direction.HIGHER_IS_BETTER)).isEqualTo(d("96.67"));
        assertThat(PerformanceMath.achievement(d("83"), d("86.55"), Direction.HIGHER_IS_BETTER)).isEqualTo(d("104.28"));
        assertThat(PerformanceMath.achievement(d("80"), d("72.50"), Direction.HIGHER_IS_BETTER)).isEqualTo(d("90.63"));
    }

    @Test
    void lowerIsBetterUsesTwiceTheTargetMinusTheRealisationAndIsNeverCapped() {
        assertThat(PerformanceMath.achievement(d("10"), d("8"), Direction.LOWER_IS_BETTER)).isEqualTo(d("120.00"));
        assertThat(PerformanceMath.achievement(d("10"), d("20"), Direction.LOWER_IS_BETTER)).isEqualTo(d("0.00"));
        assertThat(PerformanceMath.achievement(d("10"), d("25"), Direction.LOWER_IS_BETTER)).isEqualTo(d("-50.00"));
        assertThat(PerformanceMath.achievement(d("10"), d("30"), Direction.HIGHER_IS_BETTER)).isEqualTo(d("300.00"));
    }

    @Test
    void thereIsNoAchievementWithoutATargetOrRealisationOrWithATargetOfZero() {
        assertThat(PerformanceMath.achievement(null, d("67.45"), Direction.HIGHER_IS_BETTER)).isNull();
        assertThat(PerformanceMath.achievement(d("0"), d("5"), Direction.HIGHER_IS_BETTER)).isNull();
        assertThat(PerformanceMath.achievement(d("5"), null, Direction.LOWER_IS_BETTER)).isNull();
        assertThat(PerformanceMath.category(null)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"100.01,Sangat Baik", "100.00,Baik", "85.01,Baik", "85.00,Cukup", "65.01,Cukup", "65.00,Kurang",
            "50.01,Kurang", "50.00,Sangat Kurang", "0.00,Sangat Kurang", "-3.00,Sangat Kurang"})
    void categoriesOfTable31(String achievement, String category) {
        assertThat(PerformanceMath.category(d(achievement))).isEqualTo(category);
    }

    @ParameterizedTest
    @CsvSource({"100,AA", "90.01,AA", "90.00,A", "80.01,A", "80.00,BB", "72.50,BB", "70.01,BB", "70.00,B",
            "60.01,B", "60.00,CC", "50.01,CC", "50.00,C", "30.01,C", "30.00,D", "0.00,D"})
    void sakipPredicates(String score, String grade) {
        assertThat(GradingScale.SAKIP.grade(d(score)).grade()).isEqualTo(grade);
    }

    @ParameterizedTest
    @CsvSource({"25.00,D", "64.99,D", "65.00,C", "76.60,C", "76.61,B", "86.55,B", "88.30,B", "88.31,A", "100.00,A"})
    void skmMutuGrades(String skm, String grade) {
        assertThat(GradingScale.SKM.grade(d(skm)).grade()).isEqualTo(grade);
    }

    @Test
    void valuesOutsideAScaleHaveNoGrade() {
        assertThat(GradingScale.SKM.grade(d("24.99"))).isNull();
        assertThat(GradingScale.SKM.grade(d("100.01"))).isNull();
        assertThat(GradingScale.SAKIP.grade(d("100.01"))).isNull();
        assertThat(GradingScale.SAKIP.grade(null)).isNull();
    }

    @Test
    void efficiencySubtractsUnroundedFiguresAndRoundsOnce() {
        assertThat(PerformanceMath.efficiency(d("10.005"), d("5.004"))).isEqualTo(d("5.00"));
        assertThat(PerformanceMath.efficiencyCategory(d("0.74"))).isEqualTo("Sangat Efisien");
        assertThat(PerformanceMath.efficiencyCategory(d("0.00"))).isEqualTo("Efisien");
        assertThat(PerformanceMath.efficiencyCategory(d("-0.01"))).isEqualTo("Kurang Efisien");
    }

    @Test
    void objectiveAchievementIsTheMeanOfUnroundedAchievementsRoundedOnce() {
        BigDecimal a = PerformanceMath.achievementExact(d("3"), d("1"), Direction.HIGHER_IS_BETTER);
        BigDecimal b = PerformanceMath.achievementExact(d("3"), d("2"), Direction.HIGHER_IS_BETTER);
        assertThat(id.sakip.ledger.shared.Percentages.round(PerformanceMath.meanExact(Arrays.asList(a, b, null))))
                .isEqualTo(d("50.00"));
        assertThat(PerformanceMath.meanExact(Arrays.asList(null, null))).isNull();
    }

    private static Integer[] scores(Integer... s) {
        return s;
    }

    @Test
    void skmFromResponsesIsTheWeightedMeanOfElementMeansTimes25() {
        List<Integer[]> all4 = List.<Integer[]>of(scores(4, 4, 4, 4, 4, 4, 4, 4, 4));
        assertThat(PerformanceMath.skm(all4)).isEqualTo(d("100.00"));
        assertThat(PerformanceMath.skm(List.<Integer[]>of(scores(1, 1, 1, 1, 1, 1, 1, 1, 1)))).isEqualTo(d("25.00"));
        // 8 elements at 4 and one at 3: (35/9) x 25 = 97.2222…
        assertThat(PerformanceMath.skm(List.<Integer[]>of(scores(4, 4, 4, 4, 4, 4, 4, 4, 3)))).isEqualTo(d("97.22"));
        // element 9 answered by one respondent only: its NRR is that respondent's score
        List<Integer[]> partial = new ArrayList<>();
        partial.add(scores(3, 3, 3, 3, 3, 3, 3, 3, 2));
        partial.add(scores(4, 4, 4, 4, 4, 4, 4, 4, null));
        // NRR = 3.5 x 8, 2 x 1 -> (28 + 2) / 9 x 25 = 83.333…
        assertThat(PerformanceMath.skm(partial)).isEqualTo(d("83.33"));
    }

    @Test
    void theSakipScoreIsTheSumOfItsFourComponents() {
        assertThat(PerformanceMath.sakipScore(d("22.5"), d("21"), d("11"), d("18"))).isEqualTo(d("72.50"));
    }
}
