package id.sakip.ledger.performance.computation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.sakip.ledger.shared.InvalidValue;

/** A category scale as data: how it grades, caps, and what makes it invalid, said in Indonesian. */
class CategoryScaleTest {

    /** Permendagri 86/2017: ≥ 91 Sangat Tinggi, 76–90 Tinggi, 66–75 Sedang, 51–65 Rendah, ≤ 50 Sangat Rendah. */
    static final CategoryScale PERMENDAGRI = new CategoryScale(null, List.of(
            new ScaleBand(null, d("91"), null, null, "Sangat Tinggi"),
            new ScaleBand(null, d("76"), null, d("91"), "Tinggi"),
            new ScaleBand(null, d("66"), null, d("76"), "Sedang"),
            new ScaleBand(null, d("51"), null, d("66"), "Rendah"),
            new ScaleBand(null, null, null, d("51"), "Sangat Rendah")));

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static ScaleBand band(String above, String from, String upto, String below, String label) {
        return new ScaleBand(above == null ? null : d(above), from == null ? null : d(from),
                upto == null ? null : d(upto), below == null ? null : d(below), label);
    }

    @ParameterizedTest
    @CsvSource({"120, Sangat Tinggi", "91, Sangat Tinggi", "90.99, Tinggi", "76, Tinggi", "75.99, Sedang",
            "66, Sedang", "65.5, Rendah", "51, Rendah", "50.99, Sangat Rendah", "0, Sangat Rendah"})
    void permendagriWordsGradeEveryValueAndTheTopBandHasNoCap(String value, String label) {
        assertThat(PERMENDAGRI.problems()).isEmpty();
        assertThat(PERMENDAGRI.category(d(value))).isEqualTo(label);
    }

    @ParameterizedTest
    @CsvSource({"100.01, Sangat Baik", "100, Baik", "85.01, Baik", "85, Cukup", "65.01, Cukup", "65, Kurang",
            "50.01, Kurang", "50, Sangat Kurang", "-3, Sangat Kurang"})
    void jikensTable31IsTheDefaultScale(String value, String label) {
        assertThat(CategoryScale.JIKEN_CAPAIAN.problems()).isEmpty();
        assertThat(CategoryScale.JIKEN_CAPAIAN.category(d(value))).isEqualTo(label);
        assertThat(PerformanceMath.category(d(value))).isEqualTo(label);
    }

    @Test
    void jikensTable36GradesEfficiencyPointsAroundZero() {
        assertThat(CategoryScale.JIKEN_EFFICIENCY.problems()).isEmpty();
        assertThat(CategoryScale.JIKEN_EFFICIENCY.category(d("0.01"))).isEqualTo("Sangat Efisien");
        assertThat(CategoryScale.JIKEN_EFFICIENCY.category(d("0.00"))).isEqualTo("Efisien");
        assertThat(CategoryScale.JIKEN_EFFICIENCY.category(d("-0.01"))).isEqualTo("Kurang Efisien");
    }

    @Test
    void aCapIsWhatAValueAboveItIsShownAndGradedAs() {
        CategoryScale capped = new CategoryScale(d("100"), List.of(band(null, "91", null, null, "Sangat Tinggi"),
                band(null, null, null, "91", "Lainnya")));
        assertThat(capped.capped(d("120.5"))).isEqualByComparingTo("100");
        assertThat(capped.capped(d("99"))).isEqualByComparingTo("99");
        assertThat(capped.category(d("120.5"))).isEqualTo("Sangat Tinggi");
        assertThat(PERMENDAGRI.capped(d("120.5"))).isEqualByComparingTo("120.5");
    }

    @Test
    void aPrintedScaleWithIntegerBoundsLeavesAGapThatIsNamed() {
        CategoryScale printed = new CategoryScale(null, List.of(band(null, "91", null, null, "Sangat Tinggi"),
                band(null, "76", "90", null, "Tinggi"), band(null, null, null, "76", "Rendah")));
        assertThat(printed.problems()).containsExactly("celah: pita 'Tinggi' (≥ 76 s.d. ≤ 90) dan "
                + "'Sangat Tinggi' (≥ 91) menyisakan nilai antara 90 dan 91 yang tidak masuk pita mana pun");
    }

    @Test
    void overlappingBandsAreNamedWithTheValuesBothHold() {
        CategoryScale overlapping = new CategoryScale(null, List.of(band("80", null, null, null, "Baik"),
                band(null, null, "85", null, "Cukup")));
        assertThat(overlapping.problems()).containsExactly("tumpang tindih: pita 'Cukup' (≤ 85) dan 'Baik' (> 80) "
                + "sama-sama memuat nilai antara 80 dan 85");
        CategoryScale touching = new CategoryScale(null, List.of(band(null, "90", null, null, "A"),
                band(null, null, "90", null, "B")));
        assertThat(touching.problems()).singleElement().asString().startsWith("tumpang tindih").contains("nilai 90");
    }

    @Test
    void theEndsOfTheLineMustBeCoveredAndEveryBandNeedsALabelAndValues() {
        CategoryScale ends = new CategoryScale(null, List.of(band(null, "0", null, "50", "Rendah"),
                band(null, "50", "100", null, "Tinggi")));
        assertThat(ends.problems()).containsExactly(
                "celah: nilai di bawah 0 tidak masuk pita mana pun (pita terendah 'Rendah' (≥ 0 s.d. < 50))",
                "celah: nilai di atas 100 tidak masuk pita mana pun (pita tertinggi 'Tinggi' (≥ 50 s.d. ≤ 100))");
        CategoryScale open = new CategoryScale(null, List.of(band(null, null, null, "0", "Kurang"),
                band("0", null, null, null, "Lebih")));
        assertThat(open.problems()).singleElement().asString().isEqualTo("celah: nilai 0 tidak masuk pita "
                + "'Kurang' (< 0) dan 'Lebih' (> 0) (tulis upto atau from pada salah satunya)");
        assertThat(new CategoryScale(null, List.of(band(null, null, null, null, " "))).problems())
                .containsExactly("pita ke-1: label wajib diisi");
        assertThat(new CategoryScale(null, List.of(band("5", null, "5", null, "X"))).problems())
                .singleElement().asString().contains("tidak memuat nilai apa pun");
        assertThat(new CategoryScale(null, List.of()).problems()).containsExactly("skala memerlukan sedikitnya satu pita");
    }

    @Test
    void anInvalidScaleIsRefusedWithEveryProblemInTheMessage() {
        CategoryScale gap = new CategoryScale(null, List.of(band("50", null, null, null, "Tinggi"),
                band(null, null, "40", null, "Rendah")));
        assertThatThrownBy(() -> gap.validated("capaian kinerja")).isInstanceOf(InvalidValue.class)
                .hasMessage("Skala capaian kinerja tidak sah: celah: pita 'Rendah' (≤ 40) dan 'Tinggi' (> 50) "
                        + "menyisakan nilai antara 40 dan 50 yang tidak masuk pita mana pun");
    }

    @Test
    void rulesAreSugarForBands() {
        assertThat(ScaleBand.ofRule("> 0", "A")).isEqualTo(band("0", null, null, null, "A"));
        assertThat(ScaleBand.ofRule(">= 91", "A")).isEqualTo(band(null, "91", null, null, "A"));
        assertThat(ScaleBand.ofRule("= 0", "A")).isEqualTo(band(null, "0", "0", null, "A"));
        assertThat(ScaleBand.ofRule("< -1.5", "A")).isEqualTo(band(null, null, null, "-1.5", "A"));
        assertThat(ScaleBand.ofRule("<= 50", "A")).isEqualTo(band(null, null, "50", null, "A"));
        assertThatThrownBy(() -> ScaleBand.ofRule("~ 3", "A")).hasMessageContaining("tidak dikenal");
    }

    @Test
    void twoScalesAreTheSameWhenTheirBoundsAreEqualInValue() {
        CategoryScale written = new CategoryScale(null, List.of(band("100.00", null, null, null, "Sangat Baik"),
                band("85", null, "100.0", null, "Baik"), band("65", null, "85", null, "Cukup"),
                band("50", null, "65", null, "Kurang"), band(null, null, "50", null, "Sangat Kurang")));
        assertThat(written.sameAs(CategoryScale.JIKEN_CAPAIAN)).isTrue();
        assertThat(PERMENDAGRI.sameAs(CategoryScale.JIKEN_CAPAIAN)).isFalse();
        assertThat(new CategoryScale(d("100"), written.bands()).sameAs(CategoryScale.JIKEN_CAPAIAN)).isFalse();
    }
}
