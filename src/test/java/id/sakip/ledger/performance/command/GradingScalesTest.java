package id.sakip.ledger.performance.command;

import java.math.BigDecimal;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.sakip.ledger.performance.api.KabupatenGradingScaleSet;
import id.sakip.ledger.performance.api.OrganisationGradingScaleOverridden;
import id.sakip.ledger.performance.api.OverrideOrganisationGradingScale;
import id.sakip.ledger.performance.api.SetKabupatenGradingScale;
import id.sakip.ledger.performance.computation.ScaleBand;
import id.sakip.ledger.performance.computation.ScaleKind;
import id.sakip.ledger.shared.InvalidValue;

/** Specification of the grading-scale aggregate's rules. */
class GradingScalesTest {

    private static final String ORG = "dinas-contoh";
    private FixtureConfiguration<GradingScales> fixture;

    private static final List<ScaleBand> PERMENDAGRI = List.of(
            new ScaleBand(null, d("91"), null, null, "Sangat Tinggi"),
            new ScaleBand(null, d("76"), null, d("91"), "Tinggi"),
            new ScaleBand(null, d("66"), null, d("76"), "Sedang"),
            new ScaleBand(null, d("51"), null, d("66"), "Rendah"),
            new ScaleBand(null, null, null, d("51"), "Sangat Rendah"));

    private static final List<ScaleBand> GAP = List.of(new ScaleBand(null, d("91"), null, null, "Sangat Tinggi"),
            new ScaleBand(null, null, d("90"), null, "Lainnya"));

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GradingScales.class);
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static OverrideOrganisationGradingScale override(int year, BigDecimal cap, List<ScaleBand> bands) {
        return new OverrideOrganisationGradingScale(ORG, ScaleKind.CAPAIAN, year, "Permendagri 86/2017",
                "Skala kabupaten", cap, bands);
    }

    private static OrganisationGradingScaleOverridden overridden(int year, List<ScaleBand> bands) {
        return new OrganisationGradingScaleOverridden(ORG, ScaleKind.CAPAIAN, year, "Permendagri 86/2017",
                "Skala kabupaten", null, bands);
    }

    private static Matcher<Object> invalid(String code, String fragment) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof InvalidValue v && v.code().equals(code) && v.getMessage().contains(fragment);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidValue " + code + " saying " + fragment);
            }
        };
    }

    @Test
    void anOrganisationOverridesItsScaleFromAYear() {
        fixture.givenNoPriorActivity().when(override(2024, null, PERMENDAGRI))
                .expectSuccessfulHandlerExecution().expectEvents(overridden(2024, PERMENDAGRI))
                .expectResultMessagePayload("SET");
    }

    @Test
    void aKabupatenSetsItsScale() {
        fixture.givenNoPriorActivity().when(new SetKabupatenGradingScale("blora", ScaleKind.EFFICIENCY, 2025,
                        "Perbup 3/2025", "Seragam", null, List.of(ScaleBand.ofRule(">= 0", "Efisien"),
                        ScaleBand.ofRule("< 0", "Tidak Efisien"))))
                .expectEvents(new KabupatenGradingScaleSet("blora", ScaleKind.EFFICIENCY, 2025, "Perbup 3/2025",
                        "Seragam", null, List.of(ScaleBand.ofRule(">= 0", "Efisien"),
                        ScaleBand.ofRule("< 0", "Tidak Efisien"))));
    }

    @Test
    void theSameScaleForTheSameYearAgainRecordsNothing() {
        fixture.given(overridden(2024, PERMENDAGRI)).when(override(2024, null, PERMENDAGRI))
                .expectNoEvents().expectResultMessagePayload("UNCHANGED");
    }

    @Test
    void theSameScaleFromAnotherYearIsANewFact() {
        fixture.given(overridden(2024, PERMENDAGRI)).when(override(2026, null, PERMENDAGRI))
                .expectEvents(overridden(2026, PERMENDAGRI));
    }

    @Test
    void bandsWithAGapAreRefusedNamingTheGap() {
        fixture.givenNoPriorActivity().when(override(2024, null, GAP)).expectNoEvents()
                .expectException(invalid("INVALID_SCALE", "menyisakan nilai antara 90 dan 91"));
    }

    @Test
    void aLegalBasisAndAReasonAreRequired() {
        fixture.givenNoPriorActivity().when(new OverrideOrganisationGradingScale(ORG, ScaleKind.CAPAIAN, 2024, " ",
                "x", null, PERMENDAGRI)).expectException(invalid("REQUIRED", "Dasar hukum"));
        fixture.givenNoPriorActivity().when(new OverrideOrganisationGradingScale(ORG, ScaleKind.CAPAIAN, 2024, "x",
                null, null, PERMENDAGRI)).expectException(invalid("REQUIRED", "Alasan"));
    }

    @Test
    void theYearMustBeAPlausibleFiscalYear() {
        fixture.givenNoPriorActivity().when(override(1999, null, PERMENDAGRI))
                .expectException(invalid("INVALID_YEAR", "1999"));
    }

    @Test
    void onlyACapaianScaleMayCap() {
        fixture.givenNoPriorActivity().when(override(2024, d("100"), PERMENDAGRI))
                .expectEvents(new OrganisationGradingScaleOverridden(ORG, ScaleKind.CAPAIAN, 2024,
                        "Permendagri 86/2017", "Skala kabupaten", d("100"), PERMENDAGRI));
        fixture.givenNoPriorActivity().when(new OverrideOrganisationGradingScale(ORG, ScaleKind.EFFICIENCY, 2024,
                "x", "y", d("100"), List.of(ScaleBand.ofRule(">= 0", "A"), ScaleBand.ofRule("< 0", "B"))))
                .expectException(invalid("INVALID_SCALE", "hanya berlaku untuk skala capaian"));
    }

    @Test
    void aKabupatenIsNamedByItsSlug() {
        fixture.givenNoPriorActivity().when(new SetKabupatenGradingScale("Blora Raya", ScaleKind.CAPAIAN, 2024,
                "x", "y", null, PERMENDAGRI)).expectException(invalid("INVALID_KABUPATEN", "Blora Raya"));
    }
}
