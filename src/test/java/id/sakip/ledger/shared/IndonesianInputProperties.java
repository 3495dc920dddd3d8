package id.sakip.ledger.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Amounts and dates as officers type them read back exactly what Indonesian notation wrote. */
class IndonesianInputProperties {

    @Property
    void anAmountInIndonesianNotationReadsBackAsTheSameAmount(
            @ForAll @LongRange(min = 0, max = IndonesianInput.MAX_RUPIAH) long amount) {
        String written = IndonesianFormat.integer(amount);
        assertThat(IndonesianInput.rupiah(written)).isEqualTo(amount);
        assertThat(IndonesianInput.rupiah(Rupiah.of(amount).formatted())).isEqualTo(amount);
        assertThat(IndonesianInput.rupiah(written + ",00")).isEqualTo(amount);
        assertThat(IndonesianInput.rupiah(Long.toString(amount))).isEqualTo(amount);
        assertThat(IndonesianInput.rupiah((double) amount)).as("a number cell").isEqualTo(amount);
    }

    @Property
    void aFractionOfARupiahIsRefused(@ForAll @LongRange(min = 0, max = 999_999_999_999L) long amount,
                                     @ForAll @IntRange(min = 1, max = 99) int cents) {
        String written = IndonesianFormat.integer(amount) + "," + String.format("%02d", cents);
        assertThatThrownBy(() -> IndonesianInput.rupiah(written)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bukan rupiah utuh: '" + written + "'; tulis tanpa sen");
        assertThatThrownBy(() -> IndonesianInput.rupiah(amount + cents / 100.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("bukan rupiah utuh");
    }

    @Property
    void aDateWrittenDayFirstOrIsoReadsBackAsTheSameDate(@ForAll("dates") LocalDate date) {
        assertThat(IndonesianInput.date(IndonesianInput.date(date))).isEqualTo(date);
        assertThat(IndonesianInput.date(date.toString())).isEqualTo(date);
        assertThat(IndonesianInput.date(IndonesianInput.date(date).replace('-', '/'))).isEqualTo(date);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(LocalDate.of(2000, 1, 1).toEpochDay(), LocalDate.of(2100, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Example
    void theTreasurersWaysOfWritingAnAmountAreRead() {
        assertThat(IndonesianInput.rupiah("1.500.000")).isEqualTo(1_500_000);
        assertThat(IndonesianInput.rupiah("Rp 1.500.000")).isEqualTo(1_500_000);
        assertThat(IndonesianInput.rupiah("Rp1.500.000")).isEqualTo(1_500_000);
        assertThat(IndonesianInput.rupiah("Rp. 1.500.000,00")).isEqualTo(1_500_000);
        assertThat(IndonesianInput.rupiah("1.500.000,00")).isEqualTo(1_500_000);
        assertThat(IndonesianInput.rupiah(" 1500000 ")).isEqualTo(1_500_000);
    }

    @Example
    void wordsEnglishNotationAndNegativesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> IndonesianInput.rupiah("1,5 juta")).hasMessage("bukan angka: '1,5 juta'");
        assertThatThrownBy(() -> IndonesianInput.rupiah("satu juta")).hasMessage("bukan angka: 'satu juta'");
        assertThatThrownBy(() -> IndonesianInput.rupiah("1,500,000")).hasMessage("bukan angka: '1,500,000'");
        assertThatThrownBy(() -> IndonesianInput.rupiah("1.500.000,50"))
                .hasMessage("bukan rupiah utuh: '1.500.000,50'; tulis tanpa sen");
        assertThatThrownBy(() -> IndonesianInput.rupiah("-1.000")).hasMessage("tidak boleh negatif: '-1.000'");
        assertThatThrownBy(() -> IndonesianInput.rupiah("15.00.000")).hasMessage("bukan angka: '15.00.000'");
    }

    @Example
    void datesAreReadInIndonesianOrderAndImpossibleDatesAreRefused() {
        assertThat(IndonesianInput.date("20-11-2023")).isEqualTo(LocalDate.of(2023, 11, 20));
        assertThat(IndonesianInput.date("2023-11-20")).isEqualTo(LocalDate.of(2023, 11, 20));
        assertThat(IndonesianInput.date("20 November 2023")).isEqualTo(LocalDate.of(2023, 11, 20));
        assertThatThrownBy(() -> IndonesianInput.date("31-02-2023")).hasMessage("tanggal tidak ada: '31-02-2023'");
        assertThatThrownBy(() -> IndonesianInput.date("11/20/2023")).hasMessage("tanggal tidak ada: '11/20/2023'");
        assertThatThrownBy(() -> IndonesianInput.date("kemarin"))
                .hasMessage("bukan tanggal: 'kemarin'; tulis 20-11-2023 atau 2023-11-20");
    }
}
