package id.sakip.ledger.performance.command;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.sakip.ledger.performance.api.DefinePlan;
import id.sakip.ledger.performance.api.IndicatorRealisationCorrected;
import id.sakip.ledger.performance.api.IndicatorRealisationRecorded;
import id.sakip.ledger.performance.api.IndicatorTargetAmended;
import id.sakip.ledger.performance.api.IndicatorTargetSet;
import id.sakip.ledger.performance.api.PlanDefined;
import id.sakip.ledger.performance.api.PlanGoal;
import id.sakip.ledger.performance.api.PlanIndicator;
import id.sakip.ledger.performance.api.PlanObjective;
import id.sakip.ledger.performance.api.RecordIndicatorRealisation;
import id.sakip.ledger.performance.api.RecordSakipEvaluation;
import id.sakip.ledger.performance.api.RecordSurvey;
import id.sakip.ledger.performance.api.SakipEvaluationRecorded;
import id.sakip.ledger.performance.api.SetIndicatorTarget;
import id.sakip.ledger.performance.api.SurveyRecorded;
import id.sakip.ledger.performance.computation.Direction;
import id.sakip.ledger.performance.computation.GradingScale;
import id.sakip.ledger.shared.RuleViolation;
import id.sakip.ledger.shared.SettableClock;

/** Specification of the Renstra aggregate's rules. */
class PerformancePlanTest {

    private static final String ORG = "kec-jiken";
    private static final String PLAN = "renstra-2021-2026";
    private FixtureConfiguration<PerformancePlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PerformancePlan.class);
        fixture.registerInjectableResource(new SettableClock(Instant.parse("2024-01-16T03:00:00Z")));
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static Matcher<Object> rule(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof RuleViolation v && v.code().equals(code);
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("a rule violation " + code);
            }
        };
    }

    private static List<PlanGoal> goals() {
        return List.of(
                new PlanGoal("T1", "Birokrasi bersih", List.of(new PlanObjective("S1", "SAKIP", List.of(
                        new PlanIndicator("IKU-1", "Nilai SAKIP", "nilai", Direction.HIGHER_IS_BETTER, "kumulatif",
                                GradingScale.SAKIP, "Inspektorat", null))))),
                new PlanGoal("T2", "Pelayanan publik", List.of(new PlanObjective("S2", "SKM", List.of(
                        new PlanIndicator("IKU-2", "Nilai SKM", "nilai", Direction.HIGHER_IS_BETTER, "kumulatif",
                                GradingScale.SKM, "e-SKM", null))))));
    }

    private static PlanDefined defined() {
        return new PlanDefined(ORG, PLAN, 2021, 2026, "visi", "misi", goals());
    }

    @Test
    void definesARenstraWithItsIndicators() {
        fixture.givenNoPriorActivity().when(new DefinePlan(ORG, PLAN, 2021, 2026, "visi", "misi", goals()))
                .expectEvents(defined());
    }

    @Test
    void rejectsARenstraThatUsesAnIdTwiceOrRunsBackwards() {
        List<PlanGoal> dup = List.of(new PlanGoal("T1", "g", List.of(new PlanObjective("T1", "o", List.of()))));
        fixture.givenNoPriorActivity().when(new DefinePlan(ORG, PLAN, 2021, 2026, null, null, dup))
                .expectNoEvents().expectException(rule("DUPLICATE_ID"));
        fixture.givenNoPriorActivity().when(new DefinePlan(ORG, PLAN, 2026, 2021, null, null, goals()))
                .expectNoEvents().expectException(rule("INVALID_PERIOD"));
    }

    @Test
    void setsATargetNormalisedToTwoDecimals() {
        fixture.given(defined()).when(new SetIndicatorTarget(ORG, PLAN, "IKU-1", 2023, d("75"), null, null))
                .expectEvents(new IndicatorTargetSet(ORG, PLAN, "IKU-1", 2023, d("75.00"), null, null));
    }

    @Test
    void amendingATargetKeepsTheOldValueAndNeedsAReasonAndLegalBasis() {
        fixture.given(defined(), new IndicatorTargetSet(ORG, PLAN, "IKU-1", 2024, d("75.00"), null, null))
                .when(new SetIndicatorTarget(ORG, PLAN, "IKU-1", 2024, d("77"), "Renstra Perubahan", "Perbup 5/2024"))
                .expectEvents(new IndicatorTargetAmended(ORG, PLAN, "IKU-1", 2024, d("75.00"), d("77.00"),
                        "Renstra Perubahan", "Perbup 5/2024"));
        fixture.given(defined(), new IndicatorTargetSet(ORG, PLAN, "IKU-1", 2024, d("75.00"), null, null))
                .when(new SetIndicatorTarget(ORG, PLAN, "IKU-1", 2024, d("77"), "Renstra Perubahan", null))
                .expectNoEvents().expectException(rule("REQUIRED"));
    }

    @Test
    void settingTheSameTargetAgainChangesNothing() {
        fixture.given(defined(), new IndicatorTargetSet(ORG, PLAN, "IKU-1", 2024, d("75.00"), null, null))
                .when(new SetIndicatorTarget(ORG, PLAN, "IKU-1", 2024, d("75.0"), null, null))
                .expectNoEvents().expectResultMessagePayload("UNCHANGED");
    }

    @Test
    void rejectsValuesThatAreNegativeOrHaveMoreThanTwoDecimals() {
        fixture.given(defined()).when(new SetIndicatorTarget(ORG, PLAN, "IKU-1", 2023, d("-1"), null, null))
                .expectNoEvents().expectException(rule("INVALID_VALUE"));
        fixture.given(defined()).when(new SetIndicatorTarget(ORG, PLAN, "IKU-1", 2023, d("75.125"), null, null))
                .expectNoEvents().expectException(rule("TOO_MANY_DECIMALS"));
    }

    @Test
    void rejectsAYearOutsideTheRenstraAndAnUnknownIndicator() {
        fixture.given(defined()).when(new SetIndicatorTarget(ORG, PLAN, "IKU-1", 2027, d("80"), null, null))
                .expectNoEvents().expectException(rule("YEAR_OUTSIDE_PLAN"));
        fixture.given(defined()).when(new SetIndicatorTarget(ORG, PLAN, "IKU-9", 2023, d("80"), null, null))
                .expectNoEvents().expectException(rule("UNKNOWN_INDICATOR"));
    }

    @Test
    void recordsARealisationWithItsSourceAndCorrectsItOnlyWithAReason() {
        fixture.given(defined()).when(new RecordIndicatorRealisation(ORG, PLAN, "IKU-1", 2023, d("72.5"),
                        "Inspektorat", "LHE 2024", null))
                .expectEvents(new IndicatorRealisationRecorded(ORG, PLAN, "IKU-1", 2023, d("72.50"), "Inspektorat",
                        "LHE 2024"));
        fixture.given(defined(), new IndicatorRealisationRecorded(ORG, PLAN, "IKU-1", 2023, d("72.50"), "I", null))
                .when(new RecordIndicatorRealisation(ORG, PLAN, "IKU-1", 2023, d("73"), "I", null, null))
                .expectNoEvents().expectException(rule("REQUIRED"));
        fixture.given(defined(), new IndicatorRealisationRecorded(ORG, PLAN, "IKU-1", 2023, d("72.50"), "I", null))
                .when(new RecordIndicatorRealisation(ORG, PLAN, "IKU-1", 2023, d("73"), "I", "LHE rev", "salah ketik"))
                .expectEvents(new IndicatorRealisationCorrected(ORG, PLAN, "IKU-1", 2023, d("72.50"), d("73.00"), "I",
                        "LHE rev", "salah ketik"));
    }

    @Test
    void rejectsARealisationForAYearThatHasNotBegunOrWithoutASource() {
        fixture.given(defined()).when(new RecordIndicatorRealisation(ORG, PLAN, "IKU-1", 2025, d("70"), "I", null, null))
                .expectNoEvents().expectException(rule("YEAR_IN_FUTURE"));
        fixture.given(defined()).when(new RecordIndicatorRealisation(ORG, PLAN, "IKU-1", 2023, d("70"), " ", null, null))
                .expectNoEvents().expectException(rule("REQUIRED"));
    }

    @Test
    void aSurveyComputesTheSkmAndCanRecordItAsTheRealisation() {
        List<List<Integer>> responses = List.of(List.of(4, 4, 4, 4, 4, 4, 4, 4, 3), List.of(3, 3, 3, 3, 3, 3, 3, 3, 3));
        // NRR: 3.5 x 8 and 3 -> (28 + 3) / 9 x 25 = 86.111…
        fixture.given(defined()).when(new RecordSurvey(ORG, PLAN, "IKU-2", 2023, "skm-2023", "2023", responses, true))
                .expectEvents(new SurveyRecorded(ORG, PLAN, "IKU-2", 2023, "skm-2023", "2023", 2, responses,
                                d("86.11"), "B"),
                        new IndicatorRealisationRecorded(ORG, PLAN, "IKU-2", 2023, d("86.11"), "SKM survey skm-2023",
                                "2023"))
                .expectResultMessagePayload(d("86.11"));
    }

    @Test
    void rejectsSurveyScoresOutsideOneToFourAndSurveysOnANonSkmIndicator() {
        fixture.given(defined()).when(new RecordSurvey(ORG, PLAN, "IKU-2", 2023, "s", "2023",
                List.of(List.of(5, 4, 4, 4, 4, 4, 4, 4, 4)), false)).expectNoEvents().expectException(rule("INVALID_RESPONSE"));
        fixture.given(defined()).when(new RecordSurvey(ORG, PLAN, "IKU-2", 2023, "s", "2023",
                List.of(List.of(4, 4, 4)), false)).expectNoEvents().expectException(rule("INVALID_RESPONSE"));
        fixture.given(defined()).when(new RecordSurvey(ORG, PLAN, "IKU-1", 2023, "s", "2023",
                List.of(Arrays.asList(4, 4, 4, 4, 4, 4, 4, 4, null)), true)).expectNoEvents().expectException(rule("WRONG_SCALE"));
    }

    @Test
    void aSakipEvaluationDerivesItsTotalAndPredicate() {
        fixture.given(defined()).when(new RecordSakipEvaluation(ORG, PLAN, "IKU-1", 2023, d("22.5"), d("21"), d("11"),
                        d("18"), "LHE", true))
                .expectEvents(new SakipEvaluationRecorded(ORG, PLAN, "IKU-1", 2023, d("22.50"), d("21.00"), d("11.00"),
                                d("18.00"), d("72.50"), "BB", "LHE"),
                        new IndicatorRealisationRecorded(ORG, PLAN, "IKU-1", 2023, d("72.50"),
                                "Evaluasi SAKIP (LKE AKIP)", "LHE"));
        fixture.given(defined()).when(new RecordSakipEvaluation(ORG, PLAN, "IKU-1", 2023, d("31"), d("21"), d("11"),
                d("18"), null, false)).expectNoEvents().expectException(rule("INVALID_VALUE"));
    }
}
