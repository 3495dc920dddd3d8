package id.sakip.ledger.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Properties of whole-rupiah money and of percentages rounded once. */
class MoneyAndPercentProperties {

    @Property
    void addingThenSubtractingGivesBackTheAmount(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long a,
                                                 @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long b) {
        assertThat(Rupiah.of(a).plus(Rupiah.of(b)).minus(Rupiah.of(b))).isEqualTo(Rupiah.of(a));
    }

    @Property
    void overflowFailsInsteadOfWrapping(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long a) {
        assertThatThrownBy(() -> Rupiah.of(Long.MAX_VALUE).plus(Rupiah.of(a))).isInstanceOf(ArithmeticException.class);
    }

    @Property
    void aPercentageIsTheExactRatioRoundedOnceHalfUpToTwoDecimals(
            @ForAll @LongRange(min = 0, max = 10_000_000_000_000L) long part,
            @ForAll @LongRange(min = 1, max = 10_000_000_000_000L) long whole) {
        BigDecimal expected = new BigDecimal(part).multiply(BigDecimal.valueOf(100))
                .divide(new BigDecimal(whole), 2, RoundingMode.HALF_UP);
        BigDecimal actual = Percentages.percent(part, whole);
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.scale()).isEqualTo(2);
    }

    @Property
    void aWholeIsOneHundredPercentAndNothingIsZero(@ForAll @LongRange(min = 1) long whole) {
        assertThat(Percentages.percent(whole, whole)).isEqualTo(new BigDecimal("100.00"));
        assertThat(Percentages.percent(0, whole)).isEqualTo(new BigDecimal("0.00"));
    }

    @Property
    void thereIsNoPercentageOfZero(@ForAll long part) {
        assertThat(Percentages.percent(part, 0)).isNull();
    }

    @Property
    void indonesianNotationGroupsThousandsWithDots(@ForAll @LongRange(min = 0, max = 999_999_999_999L) long value) {
        String text = IndonesianFormat.integer(value);
        assertThat(text.replace(".", "")).isEqualTo(Long.toString(value));
        assertThat(text).doesNotContain(",");
    }
}
