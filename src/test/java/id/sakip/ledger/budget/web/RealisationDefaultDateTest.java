package id.sakip.ledger.budget.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** A new realisation's date field starts inside the fiscal year the page shows; amounts are typed as people write them. */
class RealisationDefaultDateTest {

    @Test
    void thePastYearsPageOffersItsLastDayAndTheCurrentYearToday() {
        LocalDate today = LocalDate.of(2026, 12, 2);
        assertThat(BudgetPages.dateInside(today, 2023)).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(BudgetPages.dateInside(today, 2026)).isEqualTo(today);
        assertThat(BudgetPages.dateInside(today, 2027)).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void amountsAcceptThousandsDots() {
        assertThat(BudgetPages.parseRupiah("1.500.000")).isEqualTo(1_500_000L);
        assertThat(BudgetPages.parseRupiah("Rp 1.500.000")).isEqualTo(1_500_000L);
        assertThat(BudgetPages.parseRupiah("1500000")).isEqualTo(1_500_000L);
    }
}
