package id.sakip.ledger.budget.command;

import static id.sakip.ledger.budget.command.BudgetFixtures.ORG;
import static id.sakip.ledger.budget.command.BudgetFixtures.YEAR;
import static id.sakip.ledger.budget.command.BudgetFixtures.adopt;
import static id.sakip.ledger.budget.command.BudgetFixtures.adopted;
import static id.sakip.ledger.budget.command.BudgetFixtures.line;
import static id.sakip.ledger.budget.command.BudgetFixtures.spend;
import static id.sakip.ledger.budget.command.BudgetFixtures.spent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.sakip.ledger.budget.api.AmendBudget;
import id.sakip.ledger.budget.api.AmendmentKind;
import id.sakip.ledger.budget.api.BudgetAmended;
import id.sakip.ledger.budget.api.CloseFiscalYear;
import id.sakip.ledger.budget.api.EconomicClass;
import id.sakip.ledger.budget.api.FiscalYearClosed;
import id.sakip.ledger.budget.api.LineAmendment;
import id.sakip.ledger.budget.api.LineAmount;
import id.sakip.ledger.budget.api.NewBudgetLine;
import id.sakip.ledger.budget.api.RealisationReceipt;
import id.sakip.ledger.budget.api.RealisationReversed;
import id.sakip.ledger.budget.api.RecordRealisation;
import id.sakip.ledger.budget.api.RecordRealisations;
import id.sakip.ledger.budget.api.ReverseRealisation;
import id.sakip.ledger.eventstore.metadata.LedgerMetadata;
import id.sakip.ledger.shared.RuleViolation;
import id.sakip.ledger.shared.Rupiah;
import id.sakip.ledger.shared.SettableClock;

/** Specification of the budget aggregate's rules. */
class BudgetTest {

    private FixtureConfiguration<Budget> fixture;
    private final SettableClock clock = new SettableClock(Instant.parse("2023-12-31T03:00:00Z"));

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Budget.class);
        fixture.registerInjectableResource(clock);
    }

    private static Matcher<Object> rule(String code) {
        return Matchers.allOf(Matchers.instanceOf(RuleViolation.class),
                Matchers.hasProperty("class", Matchers.anything()),
                new org.hamcrest.TypeSafeMatcher<>() {
                    @Override
                    protected boolean matchesSafely(Object item) {
                        return item instanceof RuleViolation v && v.code().equals(code);
                    }

                    @Override
                    public void describeTo(org.hamcrest.Description d) {
                        d.appendText("a rule violation " + code);
                    }
                });
    }

    private static AmendBudget amend(AmendmentKind kind, List<LineAmount> changes, List<NewBudgetLine> newLines) {
        return new AmendBudget(ORG, YEAR, "A-1", kind, "APBD Perubahan", "Perbup Blora 45/2023",
                LocalDate.of(2023, 9, 30), changes, newLines);
    }

    private static LineAmount set(String lineId, long amount) {
        return new LineAmount(lineId, Rupiah.of(amount));
    }

    @Test
    void adoptsABudgetWithItsTree() {
        fixture.givenNoPriorActivity().when(adopt()).expectSuccessfulHandlerExecution().expectEvents(adopted());
    }

    @Test
    void rejectsAdoptionWithALineIdUsedTwice() {
        var duplicate = new id.sakip.ledger.budget.api.AdoptBudget(ORG, YEAR, "APBD", "DPA", null, null, List.of(
                new id.sakip.ledger.budget.api.BudgetProgram(1, "P", null, List.of(
                        new id.sakip.ledger.budget.api.BudgetActivity(1, "A", "S1", null, List.of(
                                line("1", 1, EconomicClass.MODAL, 5), line("1", 2, EconomicClass.MODAL, 6)))))));
        fixture.givenNoPriorActivity().when(duplicate).expectNoEvents().expectException(rule("DUPLICATE_LINE"));
    }

    @Test
    void rejectsAdoptionWithANegativeLineAmount() {
        var negative = new id.sakip.ledger.budget.api.AdoptBudget(ORG, YEAR, "APBD", "DPA", null, null, List.of(
                new id.sakip.ledger.budget.api.BudgetProgram(1, "P", null, List.of(
                        new id.sakip.ledger.budget.api.BudgetActivity(1, "A", "S1", null, List.of(
                                line("1", 1, EconomicClass.MODAL, -5)))))));
        fixture.givenNoPriorActivity().when(negative).expectNoEvents().expectException(rule("INVALID_AMOUNT"));
    }

    @Test
    void recordsARealisationWithinTheLineAmount() {
        fixture.given(adopted()).when(spend("e1", "1", 1_000_000))
                .expectEvents(spent("e1", "1", 1_000_000))
                .expectResultMessagePayload(new RealisationReceipt("e1", "1", Rupiah.of(1_000_000),
                        LocalDate.of(2023, 5, 10), "SP2D-e1", "payment e1"));
    }

    @Test
    void acceptsARealisationThatReachesTheCeilingExactly() {
        fixture.given(adopted(), spent("e1", "1", 3_000_000)).when(spend("e2", "1", 600_000))
                .expectEvents(spent("e2", "1", 600_000));
    }

    @Test
    void rejectsRealisationBeyondBudgetCeiling() {
        fixture.given(adopted(), spent("e1", "1", 3_000_000)).when(spend("e2", "1", 600_002))
                .expectNoEvents().expectException(rule("BUDGET_CEILING_EXCEEDED"))
                .expectExceptionMessage(Matchers.containsString("by Rp 2"));
    }

    @Test
    void rejectsAZeroOrNegativeAmount() {
        fixture.given(adopted()).when(spend("e1", "1", 0)).expectNoEvents().expectException(rule("INVALID_AMOUNT"));
        fixture.given(adopted()).when(spend("e1", "1", -5)).expectNoEvents().expectException(rule("INVALID_AMOUNT"));
    }

    @Test
    void rejectsAValueDateOutsideTheFiscalYear() {
        fixture.given(adopted()).when(new RecordRealisation(ORG, YEAR, "e1", "1", Rupiah.of(5),
                LocalDate.of(2022, 12, 31), "SP2D", "x")).expectNoEvents().expectException(rule("DATE_OUTSIDE_YEAR"));
    }

    @Test
    void rejectsAValueDateAfterToday() {
        clock.set(Instant.parse("2023-06-01T03:00:00Z"));
        fixture.given(adopted()).when(new RecordRealisation(ORG, YEAR, "e1", "1", Rupiah.of(5),
                LocalDate.of(2023, 6, 2), "SP2D", "x")).expectNoEvents().expectException(rule("DATE_IN_FUTURE"));
    }

    @Test
    void takesTodayInWesternIndonesiaTime() {
        // 2023-06-01T18:00Z is already 2 June in Jakarta (UTC+7)
        clock.set(Instant.parse("2023-06-01T18:00:00Z"));
        fixture.given(adopted()).when(new RecordRealisation(ORG, YEAR, "e1", "1", Rupiah.of(5),
                LocalDate.of(2023, 6, 2), "SP2D", "x")).expectSuccessfulHandlerExecution();
    }

    @Test
    void rejectsARealisationWithoutADocument() {
        fixture.given(adopted()).when(new RecordRealisation(ORG, YEAR, "e1", "1", Rupiah.of(5),
                LocalDate.of(2023, 6, 2), " ", "x")).expectNoEvents().expectException(rule("REQUIRED"));
    }

    @Test
    void rejectsARealisationOnAnUnknownLine() {
        fixture.given(adopted()).when(spend("e1", "99", 5)).expectNoEvents().expectException(rule("UNKNOWN_LINE"));
    }

    @Test
    void rejectsAnEntryIdUsedBefore() {
        fixture.given(adopted(), spent("e1", "1", 5)).when(spend("e1", "1", 7))
                .expectNoEvents().expectException(rule("DUPLICATE_ENTRY"));
    }

    private static RecordRealisations.Entry keyed(RecordRealisation realisation, String fingerprint) {
        return new RecordRealisations.Entry(realisation, realisation.entryId(), fingerprint);
    }

    private static Matcher<org.axonframework.eventhandling.EventMessage<?>> recordedUnder(String entryId,
                                                                                          String fingerprint) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(org.axonframework.eventhandling.EventMessage<?> e) {
                return e.getPayload() instanceof id.sakip.ledger.budget.api.RealisationRecorded r
                        && r.entryId().equals(entryId)
                        && entryId.equals(e.getMetaData().get(LedgerMetadata.IDEMPOTENCY_KEY))
                        && fingerprint.equals(e.getMetaData().get(Budget.FINGERPRINT))
                        && "siti".equals(e.getMetaData().get(LedgerMetadata.ACTOR_ID));
            }

            @Override
            public void describeTo(org.hamcrest.Description d) {
                d.appendText("entry " + entryId + " recorded by siti under key " + entryId + " and " + fingerprint);
            }
        };
    }

    @Test
    void manyRealisationsInOneCommandRecordTheSameEventsEachUnderItsOwnIdempotencyKey() {
        fixture.given(adopted())
                .when(new RecordRealisations(ORG, YEAR, List.of(keyed(spend("e1", "1", 5), "fp-1"),
                        keyed(spend("e2", "2", 7), "fp-2"))), Map.of(LedgerMetadata.ACTOR_ID, "siti",
                        LedgerMetadata.IDEMPOTENCY_KEY, "outer", Budget.FINGERPRINT, "fp-outer"))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        recordedUnder("e1", "fp-1"), recordedUnder("e2", "fp-2"),
                        org.axonframework.test.matchers.Matchers.andNoMore()))
                .expectResultMessagePayload(2);
    }

    @Test
    void aRealisationAlreadyRecordedUnderItsKeyIsAnsweredAgainInsideManyAndOnlyTheRestIsRecorded() {
        Map<String, Object> first = Map.of(LedgerMetadata.IDEMPOTENCY_KEY, "e1", Budget.FINGERPRINT, "fp-1");
        fixture.given(adopted(), new GenericEventMessage<>(spent("e1", "1", 5), MetaData.from(first)))
                .when(new RecordRealisations(ORG, YEAR, List.of(keyed(spend("e1", "1", 5), "fp-1"),
                        keyed(spend("e2", "1", 5), "fp-2"))))
                .expectEvents(spent("e2", "1", 5));
    }

    @Test
    void aRealisationInsideManyUnderAKnownKeyWithAnotherBodyRefusesThemAll() {
        Map<String, Object> first = Map.of(LedgerMetadata.IDEMPOTENCY_KEY, "e1", Budget.FINGERPRINT, "fp-1");
        fixture.given(adopted(), new GenericEventMessage<>(spent("e1", "1", 5), MetaData.from(first)))
                .when(new RecordRealisations(ORG, YEAR, List.of(keyed(spend("e2", "1", 5), "fp-2"),
                        keyed(spend("e1", "1", 6), "fp-other"))))
                .expectNoEvents().expectException(rule("IDEMPOTENCY_CONFLICT"));
    }

    @Test
    void manyRealisationsAreDecidedInOrderSoTheOneThatBreaksTheCeilingRefusesThemAll() {
        fixture.given(adopted())
                .when(new RecordRealisations(ORG, YEAR, List.of(keyed(spend("e1", "1", 3_000_000), "fp-1"),
                        keyed(spend("e2", "1", 600_002), "fp-2"))))
                .expectNoEvents().expectException(rule("BUDGET_CEILING_EXCEEDED"));
    }

    @Test
    void aRealisationOfAnotherBudgetInsideManyIsRefused() {
        fixture.given(adopted())
                .when(new RecordRealisations(ORG, YEAR, List.of(keyed(new RecordRealisation(ORG, YEAR - 1, "e1", "1",
                        Rupiah.of(5), LocalDate.of(2022, 5, 10), "SP2D-e1", "payment e1"), "fp-1"))))
                .expectNoEvents().expectException(rule("ENTRY_OF_ANOTHER_BUDGET"));
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyGetsTheFirstAnswerWithoutANewEvent() {
        Map<String, Object> meta = Map.of(LedgerMetadata.IDEMPOTENCY_KEY, "k-1", Budget.FINGERPRINT, "fp-a");
        fixture.given(adopted(), new GenericEventMessage<>(spent("e1", "1", 5), MetaData.from(meta)))
                .when(spend("e-retry", "1", 5), meta)
                .expectNoEvents()
                .expectResultMessagePayload(new RealisationReceipt("e1", "1", Rupiah.of(5), LocalDate.of(2023, 5, 10),
                        "SP2D-e1", "payment e1"));
    }

    @Test
    void theSameIdempotencyKeyWithADifferentBodyIsRejected() {
        Map<String, Object> first = Map.of(LedgerMetadata.IDEMPOTENCY_KEY, "k-1", Budget.FINGERPRINT, "fp-a");
        fixture.given(adopted(), new GenericEventMessage<>(spent("e1", "1", 5), MetaData.from(first)))
                .when(spend("e2", "1", 6), Map.of(LedgerMetadata.IDEMPOTENCY_KEY, "k-1", Budget.FINGERPRINT, "fp-b"))
                .expectNoEvents().expectException(rule("IDEMPOTENCY_CONFLICT"));
    }

    @Test
    void anotherUserSendingTheSameIdempotencyKeyAndBodyGetsTheirOwnEntryNotTheFirstUsersReceipt() {
        Map<String, Object> siti = Map.of(LedgerMetadata.IDEMPOTENCY_KEY, "k-1", Budget.FINGERPRINT, "fp-a",
                LedgerMetadata.ACTOR_ID, "siti");
        Map<String, Object> joko = Map.of(LedgerMetadata.IDEMPOTENCY_KEY, "k-1", Budget.FINGERPRINT, "fp-a",
                LedgerMetadata.ACTOR_ID, "joko");
        fixture.given(adopted(), new GenericEventMessage<>(spent("e1", "1", 5), MetaData.from(siti)))
                .when(spend("e2", "1", 5), joko)
                .expectEvents(spent("e2", "1", 5))
                .expectResultMessagePayload(new RealisationReceipt("e2", "1", Rupiah.of(5), LocalDate.of(2023, 5, 10),
                        "SP2D-e2", "payment e2"));
    }

    @Test
    void aRetryByTheSameUserStillGetsTheirFirstAnswerAfterAnotherUserUsedTheKey() {
        Map<String, Object> siti = Map.of(LedgerMetadata.IDEMPOTENCY_KEY, "k-1", Budget.FINGERPRINT, "fp-a",
                LedgerMetadata.ACTOR_ID, "siti");
        Map<String, Object> joko = Map.of(LedgerMetadata.IDEMPOTENCY_KEY, "k-1", Budget.FINGERPRINT, "fp-b",
                LedgerMetadata.ACTOR_ID, "joko");
        fixture.given(adopted(), new GenericEventMessage<>(spent("e1", "1", 5), MetaData.from(siti)),
                        new GenericEventMessage<>(spent("e2", "1", 6), MetaData.from(joko)))
                .when(spend("e-retry", "1", 5), siti)
                .expectNoEvents()
                .expectResultMessagePayload(new RealisationReceipt("e1", "1", Rupiah.of(5), LocalDate.of(2023, 5, 10),
                        "SP2D-e1", "payment e1"));
    }

    @Test
    void reversesAnEntryWithAReason() {
        fixture.given(adopted(), spent("e1", "1", 5))
                .when(new ReverseRealisation(ORG, YEAR, "e1", "wrong line"))
                .expectEvents(new RealisationReversed(ORG, YEAR, "e1", "1", Rupiah.of(5), LocalDate.of(2023, 5, 10),
                        "wrong line"));
    }

    @Test
    void anEntryCanBeReversedOnlyOnce() {
        fixture.given(adopted(), spent("e1", "1", 5), new RealisationReversed(ORG, YEAR, "e1", "1", Rupiah.of(5),
                        LocalDate.of(2023, 5, 10), "wrong line"))
                .when(new ReverseRealisation(ORG, YEAR, "e1", "again"))
                .expectNoEvents().expectException(rule("ALREADY_REVERSED"));
    }

    @Test
    void aReversalFreesTheAmountForANewEntry() {
        fixture.given(adopted(), spent("e1", "1", 3_600_000), new RealisationReversed(ORG, YEAR, "e1", "1",
                        Rupiah.of(3_600_000), LocalDate.of(2023, 5, 10), "duplicate"))
                .when(spend("e2", "1", 3_600_000)).expectEvents(spent("e2", "1", 3_600_000));
    }

    @Test
    void rejectsAReversalOfAnUnknownEntryOrWithoutAReason() {
        fixture.given(adopted()).when(new ReverseRealisation(ORG, YEAR, "nope", "x"))
                .expectNoEvents().expectException(rule("UNKNOWN_ENTRY"));
        fixture.given(adopted(), spent("e1", "1", 5)).when(new ReverseRealisation(ORG, YEAR, "e1", ""))
                .expectNoEvents().expectException(rule("REQUIRED"));
    }

    @Test
    void anAmendmentSetsNewAmountsAndAddsLinesAsOneEvent() {
        NewBudgetLine added = new NewBudgetLine(2, line("30", 30, EconomicClass.BARANG_JASA, 2_000_000));
        fixture.given(adopted())
                .when(amend(AmendmentKind.PERUBAHAN, List.of(set("2", 1_453_000_000L)), List.of(added)))
                .expectEvents(new BudgetAmended(ORG, YEAR, "A-1", AmendmentKind.PERUBAHAN, "APBD Perubahan",
                        "Perbup Blora 45/2023", LocalDate.of(2023, 9, 30),
                        List.of(new LineAmendment("2", Rupiah.of(1_443_000_000L), Rupiah.of(1_453_000_000L))),
                        List.of(added)));
    }

    @Test
    void rejectsAnAmendmentBelowWhatIsRealisedWhole() {
        fixture.given(adopted(), spent("e1", "1", 3_000_000))
                .when(amend(AmendmentKind.PERUBAHAN, List.of(set("3", 9_700_000), set("1", 2_999_999)), List.of()))
                .expectNoEvents().expectException(rule("BELOW_REALISED"));
    }

    @Test
    void aPergeseranMustKeepTheTotal() {
        fixture.given(adopted())
                .when(amend(AmendmentKind.PERGESERAN, List.of(set("1", 3_000_000), set("3", 10_200_001)), List.of()))
                .expectNoEvents().expectException(rule("TOTAL_CHANGED"));
    }

    @Test
    void aPergeseranThatKeepsTheTotalIsAccepted() {
        fixture.given(adopted())
                .when(amend(AmendmentKind.PERGESERAN, List.of(set("1", 3_000_000), set("3", 10_200_000)), List.of()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void rejectsAnAmendmentWithoutReasonOrLegalBasisOrOutsideTheYear() {
        fixture.given(adopted()).when(new AmendBudget(ORG, YEAR, "A-1", AmendmentKind.REFOCUSING, "", "Perbup",
                LocalDate.of(2023, 3, 1), List.of(set("1", 1)), List.of())).expectException(rule("REQUIRED"));
        fixture.given(adopted()).when(new AmendBudget(ORG, YEAR, "A-1", AmendmentKind.REFOCUSING, "covid", " ",
                LocalDate.of(2023, 3, 1), List.of(set("1", 1)), List.of())).expectException(rule("REQUIRED"));
        fixture.given(adopted()).when(new AmendBudget(ORG, YEAR, "A-1", AmendmentKind.REFOCUSING, "covid", "Perbup",
                LocalDate.of(2024, 1, 1), List.of(set("1", 1)), List.of())).expectException(rule("DATE_OUTSIDE_YEAR"));
    }

    @Test
    void rejectsAnAmendmentOfAnUnknownLineOrActivity() {
        fixture.given(adopted()).when(amend(AmendmentKind.PERUBAHAN, List.of(set("77", 1)), List.of()))
                .expectNoEvents().expectException(rule("UNKNOWN_LINE"));
        fixture.given(adopted()).when(amend(AmendmentKind.PERUBAHAN, List.of(),
                        List.of(new NewBudgetLine(42, line("30", 30, EconomicClass.MODAL, 1)))))
                .expectNoEvents().expectException(rule("UNKNOWN_ACTIVITY"));
        fixture.given(adopted()).when(amend(AmendmentKind.PERUBAHAN, List.of(),
                        List.of(new NewBudgetLine(1, line("1", 30, EconomicClass.MODAL, 1)))))
                .expectNoEvents().expectException(rule("LINE_EXISTS"));
    }

    @Test
    void afterClosingRealisationsReversalsAndAmendmentsAreRejected() {
        fixture.given(adopted(), spent("e1", "1", 5), new FiscalYearClosed(ORG, YEAR))
                .when(spend("e2", "1", 5)).expectNoEvents().expectException(rule("YEAR_CLOSED"));
        fixture.given(adopted(), spent("e1", "1", 5), new FiscalYearClosed(ORG, YEAR))
                .when(new ReverseRealisation(ORG, YEAR, "e1", "x")).expectNoEvents().expectException(rule("YEAR_CLOSED"));
        fixture.given(adopted(), new FiscalYearClosed(ORG, YEAR))
                .when(amend(AmendmentKind.PERUBAHAN, List.of(set("1", 1)), List.of()))
                .expectNoEvents().expectException(rule("YEAR_CLOSED"));
        fixture.given(adopted(), new FiscalYearClosed(ORG, YEAR)).when(new CloseFiscalYear(ORG, YEAR))
                .expectNoEvents().expectException(rule("YEAR_CLOSED"));
    }

    @Test
    void closesTheFiscalYear() {
        fixture.given(adopted()).when(new CloseFiscalYear(ORG, YEAR)).expectEvents(new FiscalYearClosed(ORG, YEAR));
    }
}
