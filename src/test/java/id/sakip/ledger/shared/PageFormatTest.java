package id.sakip.ledger.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import id.sakip.ledger.shared.web.PageFormat;

class PageFormatTest {

    private final PageFormat fmt = new PageFormat();

    @Test
    void printsFiguresOfAnyKindInIndonesianNotation() {
        assertThat(fmt.num(1_925_000_000)).isEqualTo("1.925.000.000");
        assertThat(fmt.num(2_000_000L)).isEqualTo("2.000.000");
        assertThat(fmt.num(new BigDecimal("96.67"))).isEqualTo("96,67");
        assertThat(fmt.num(new BigDecimal("-0.01"))).isEqualTo("-0,01");
        assertThat(fmt.num(new BigDecimal("2000000.00"))).isEqualTo("2.000.000");
        assertThat(fmt.num(96.5d)).isEqualTo("96,50");
        assertThat(fmt.num("84%")).isEqualTo("84%");
        assertThat(fmt.num(null)).isEqualTo("-");
    }
}
