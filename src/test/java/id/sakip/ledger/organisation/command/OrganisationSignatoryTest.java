package id.sakip.ledger.organisation.command;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.sakip.ledger.organisation.api.ChangeSignatory;
import id.sakip.ledger.organisation.api.OrganisationRegistered;
import id.sakip.ledger.organisation.api.SignatoryChanged;
import id.sakip.ledger.organisation.command.SignatoryRules.EffectiveBeforeLastChange;
import id.sakip.ledger.organisation.command.SignatoryRules.SignatoryUnchanged;
import id.sakip.ledger.shared.InvalidValue;
import id.sakip.ledger.shared.RuleViolation;

/** Specification of a change of who signs an organisation's reports (a new Camat, a new Kepala Dinas). */
class OrganisationSignatoryTest {

    private static final String ORG = "kec-jiken";
    private static final LocalDate MARCH = LocalDate.of(2024, 3, 1);
    private static final String REASON = "Mutasi jabatan";
    private static final String DECREE = "Keputusan Bupati Blora Nomor 821.2/15/2024";

    private FixtureConfiguration<Organisation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organisation.class);
    }

    private static OrganisationRegistered registeredWithBudi() {
        return new OrganisationRegistered(ORG, "Kecamatan Jiken", "Blora", "Jawa Tengah", "Camat", List.of(),
                "Budi Santoso, S.Sos", "19700101 199503 1 001", "Jiken");
    }

    private static ChangeSignatory toSiti(String head, String nip, String place, LocalDate from) {
        return new ChangeSignatory(ORG, head, "Siti Aminah, S.IP", nip, place, from, REASON, DECREE);
    }

    private static Matcher<Object> refused(Class<? extends RuleViolation> type, String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return type.isInstance(item) && ((RuleViolation) item).code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(type.getSimpleName() + " " + code);
            }
        };
    }

    @Test
    void aNewHeadSignsFromTheDateOnKeepingTheTitleAndPlaceLeftBlank() {
        fixture.given(registeredWithBudi())
                .when(toSiti(" ", " 19750505 200003 2 002 ", null, MARCH))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SignatoryChanged(ORG, "Camat", "Siti Aminah, S.IP", "19750505 200003 2 002",
                        "Jiken", MARCH, REASON, DECREE));
    }

    @Test
    void aChangeMayGiveANewTitleAndPlace() {
        fixture.given(registeredWithBudi())
                .when(toSiti("Plt. Camat", null, "Blora", MARCH))
                .expectEvents(new SignatoryChanged(ORG, "Plt. Camat", "Siti Aminah, S.IP", null, "Blora", MARCH,
                        REASON, DECREE));
    }

    @Test
    void anOrganisationRegisteredWithoutASignerGetsOne() {
        fixture.given(new OrganisationRegistered(ORG, "Kecamatan Jiken", "Blora", "Jawa Tengah", "Camat", List.of()))
                .when(toSiti(null, null, "Jiken", MARCH))
                .expectEvents(new SignatoryChanged(ORG, "Camat", "Siti Aminah, S.IP", null, "Jiken", MARCH, REASON,
                        DECREE));
    }

    @Test
    void aChangeThatNamesTheSignerAlreadyRecordedIsRefused() {
        fixture.given(registeredWithBudi())
                .when(new ChangeSignatory(ORG, "Camat", "Budi Santoso, S.Sos", "19700101 199503 1 001", "Jiken",
                        MARCH, REASON, DECREE))
                .expectException(refused(SignatoryUnchanged.class, "SIGNATORY_UNCHANGED")).expectNoEvents();
    }

    @Test
    void aChangeEffectiveBeforeTheLastChangeIsRefused() {
        fixture.given(registeredWithBudi(), new SignatoryChanged(ORG, "Camat", "Siti Aminah, S.IP", null, "Jiken",
                        MARCH, REASON, DECREE))
                .when(new ChangeSignatory(ORG, null, "Ahmad Fauzi", null, null, MARCH.minusDays(1), REASON, DECREE))
                .expectException(refused(EffectiveBeforeLastChange.class, "SIGNATORY_BEFORE_LAST_CHANGE"))
                .expectNoEvents();
    }

    @Test
    void aSecondChangeOnTheSameDayAsTheLastIsAccepted() {
        fixture.given(registeredWithBudi(), new SignatoryChanged(ORG, "Camat", "Siti Aminah, S.IP", null, "Jiken",
                        MARCH, REASON, DECREE))
                .when(new ChangeSignatory(ORG, null, "Siti Aminah, S.IP", "19750505 200003 2 002", null, MARCH,
                        "NIP belum tercatat", DECREE))
                .expectEvents(new SignatoryChanged(ORG, "Camat", "Siti Aminah, S.IP", "19750505 200003 2 002",
                        "Jiken", MARCH, "NIP belum tercatat", DECREE));
    }

    @Test
    void aNipIsDigitsOptionallyGroupedBySpacesAsAtRegistration() {
        fixture.given(registeredWithBudi()).when(toSiti(null, "1975-0505", null, MARCH))
                .expectException(refused(InvalidValue.class, "INVALID_NIP")).expectNoEvents();
    }

    @Test
    void theNameTheDateTheReasonAndTheLegalBasisAreRequired() {
        fixture.given(registeredWithBudi()).when(new ChangeSignatory(ORG, null, " ", null, null, MARCH, REASON, DECREE))
                .expectException(refused(InvalidValue.class, "REQUIRED"));
        fixture.given(registeredWithBudi()).when(toSiti(null, null, null, null))
                .expectException(refused(InvalidValue.class, "REQUIRED"));
        fixture.given(registeredWithBudi()).when(new ChangeSignatory(ORG, null, "Siti Aminah, S.IP", null, null, MARCH,
                        " ", DECREE))
                .expectException(refused(InvalidValue.class, "REQUIRED"));
        fixture.given(registeredWithBudi()).when(new ChangeSignatory(ORG, null, "Siti Aminah, S.IP", null, null, MARCH,
                        REASON, null))
                .expectException(refused(InvalidValue.class, "REQUIRED")).expectNoEvents();
    }
}
