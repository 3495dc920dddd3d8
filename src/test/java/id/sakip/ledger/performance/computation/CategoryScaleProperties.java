package id.sakip.ledger.performance.computation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Band coverage: a partition of the line is valid and grades each value once; a cut-out band is a named gap. */
class CategoryScaleProperties {

    @Provide
    Arbitrary<List<BigDecimal>> boundaries() {
        return Arbitraries.integers().between(-200, 300).set().ofMinSize(1).ofMaxSize(8)
                .map(s -> new TreeSet<>(s).stream().map(BigDecimal::valueOf).toList());
    }

    @Provide
    Arbitrary<List<Boolean>> inclusive() {
        return Arbitraries.of(true, false).list().ofSize(8);
    }

    /** Bands between consecutive boundaries; at each boundary the upper band takes it when inclusive says so. */
    private static List<ScaleBand> partition(List<BigDecimal> cuts, List<Boolean> upperTakesCut) {
        List<ScaleBand> bands = new ArrayList<>();
        for (int i = 0; i <= cuts.size(); i++) {
            BigDecimal low = i == 0 ? null : cuts.get(i - 1);
            BigDecimal high = i == cuts.size() ? null : cuts.get(i);
            boolean lowInclusive = i > 0 && upperTakesCut.get(i - 1);
            boolean highInclusive = i < cuts.size() && !upperTakesCut.get(i);
            bands.add(new ScaleBand(low != null && !lowInclusive ? low : null, lowInclusive ? low : null,
                    highInclusive ? high : null, high != null && !highInclusive ? high : null, "pita " + i));
        }
        java.util.Collections.reverse(bands);
        return bands;
    }

    @Property
    void aPartitionIsValidAndGradesEveryValueInExactlyOneBand(@ForAll("boundaries") List<BigDecimal> cuts,
                                                              @ForAll("inclusive") List<Boolean> upperTakesCut,
                                                              @ForAll("probes") BigDecimal probe) {
        CategoryScale scale = new CategoryScale(null, partition(cuts, upperTakesCut));
        assertThat(scale.problems()).isEmpty();
        assertThat(scale.bands().stream().filter(b -> b.contains(probe)).count()).isEqualTo(1);
        for (BigDecimal cut : cuts) {
            assertThat(scale.bands().stream().filter(b -> b.contains(cut)).count()).isEqualTo(1);
        }
    }

    @Property
    void removingAnInnerBandLeavesAGapThatIsReported(@ForAll("boundaries") List<BigDecimal> cuts,
                                                     @ForAll("inclusive") List<Boolean> upperTakesCut) {
        List<ScaleBand> bands = new ArrayList<>(partition(cuts, upperTakesCut));
        bands.remove(bands.size() / 2);
        assertThat(new CategoryScale(null, bands).problems()).isNotEmpty()
                .anySatisfy(p -> assertThat(p).startsWith("celah"));
    }

    @Property
    void wideningABandIntoItsNeighbourIsAnOverlap(@ForAll("boundaries") List<BigDecimal> cuts,
                                                  @ForAll("inclusive") List<Boolean> upperTakesCut) {
        List<ScaleBand> bands = new ArrayList<>(partition(cuts, upperTakesCut));
        ScaleBand lowest = bands.get(bands.size() - 1);
        bands.set(bands.size() - 1, new ScaleBand(null, null, null, lowest.upper().add(BigDecimal.ONE), "lebar"));
        assertThat(new CategoryScale(null, bands).problems())
                .anySatisfy(p -> assertThat(p).startsWith("tumpang tindih"));
    }

    @Provide
    Arbitrary<BigDecimal> probes() {
        return Arbitraries.bigDecimals().between(new BigDecimal("-500"), new BigDecimal("500")).ofScale(2);
    }
}
