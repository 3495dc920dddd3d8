package id.sakip.ledger.audit.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import id.sakip.ledger.shared.Rupiah;

/** Every event of the ledger reads as Bahasa Indonesia on the audit trail: a name and a sentence. */
class EventNarrationTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** The events in the code: past-tense records with a revision in the modules' api packages. */
    static List<Class<?>> events() {
        List<Class<?>> events = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("id.sakip.ledger")) {
            if (c.getPackageName().matches("id\\.sakip\\.ledger\\.\\w+\\.api") && c.isRecord()
                    && c.isAnnotatedWith(Revision.class) && c.getSimpleName().endsWith("ed")) {
                events.add(c.reflect());
            }
        }
        return events;
    }

    @Test
    void everyEventTypeInTheCodeHasAnIndonesianNameAndSentence() throws Exception {
        List<Class<?>> events = events();
        assertThat(events).as("events found by the scan").hasSizeGreaterThanOrEqualTo(15);
        for (Class<?> event : events) {
            String type = event.getSimpleName();
            assertThat(EventNarration.types()).as("a narration for %s", type).contains(type);
            assertThat(EventNarration.name(type)).as("the name of %s", type).isNotEqualTo(type);
            Map<String, Object> content = JSON.convertValue(sample(event), new TypeReference<Map<String, Object>>() {
            });
            String sentence = EventNarration.sentence(type, "kec-uji", content, EventNarration.NO_NAMES);
            assertThat(sentence).as("the sentence of %s", type).isNotBlank().doesNotContain(type)
                    .doesNotContain("null").doesNotStartWith("Peristiwa ");
        }
    }

    @Test
    void aRealisationReadsWithItsAmountLineDocumentAndDate() {
        Map<String, Object> content = Map.of("organisationId", "kec-jiken", "fiscalYear", 2023, "entryId", "e1",
                "lineId", "5.1.02", "amount", 1_500_000, "valueDate", "2023-11-20", "document", "SP2D-0001/2023");
        EventNarration.Names names = new EventNarration.Names() {
            @Override
            public String line(String organisationId, int year, String lineId) {
                return organisationId.equals("kec-jiken") && year == 2023 && lineId.equals("5.1.02")
                        ? "2 Penyediaan Gaji dan Tunjangan ASN" : null;
            }

            @Override
            public String indicator(String organisationId, String indicatorId) {
                return null;
            }
        };
        assertThat(EventNarration.sentence("RealisationRecorded", "kec-jiken", content, names)).isEqualTo(
                "Realisasi Rp 1.500.000 dicatat pada baris 2 Penyediaan Gaji dan Tunjangan ASN, SP2D-0001/2023, "
                        + "tanggal 20-11-2023");
        assertThat(EventNarration.story("kec-jiken", content)).isEqualTo("/org/kec-jiken/audit/baris/5.1.02?tahun=2023");
        assertThat(EventNarration.valueDate(content)).isEqualTo("2023-11-20");
    }

    @Test
    void aChangeOfSignerReadsWithTheNewHeadHisNipTheDateAndThePlace() throws Exception {
        Map<String, Object> content = JSON.convertValue(new id.sakip.ledger.organisation.api.SignatoryChanged(
                "kec-jiken", "Camat", "Siti Aminah, S.IP", "19750505 200003 2 002", "Jiken", LocalDate.of(2024, 3, 1),
                "Mutasi jabatan", "Keputusan Bupati Blora Nomor 821.2/15/2024"), new TypeReference<>() {
                });
        assertThat(EventNarration.name("SignatoryChanged")).isEqualTo("Penandatangan laporan diganti");
        assertThat(EventNarration.sentence("SignatoryChanged", "kec-jiken", content, EventNarration.NO_NAMES))
                .isEqualTo("Penandatangan laporan diganti: Camat Siti Aminah, S.IP (NIP 19750505 200003 2 002), "
                        + "berlaku 01-03-2024, tempat Jiken");
        assertThat(EventNarration.valueDate(content)).isEqualTo("2024-03-01");
        content.remove("headNip");
        assertThat(EventNarration.sentence("SignatoryChanged", "kec-jiken", content, EventNarration.NO_NAMES))
                .isEqualTo("Penandatangan laporan diganti: Camat Siti Aminah, S.IP, berlaku 01-03-2024, tempat Jiken");
    }

    @Test
    void typingRealisasiFindsTheRealisationsOfTheBudgetAndOfTheIndicators() {
        assertThat(EventNarration.typesMatching("realisasi")).containsExactlyInAnyOrder("RealisationRecorded",
                "RealisationReversed", "IndicatorRealisationRecorded", "IndicatorRealisationCorrected");
        assertThat(EventNarration.typesMatching("Target indikator diubah")).containsExactly("IndicatorTargetAmended");
        assertThat(EventNarration.typesMatching("budgetadopted")).containsExactly("BudgetAdopted");
        assertThat(EventNarration.typesMatching("tidak ada")).isEmpty();
    }

    @Test
    void rolesReadInIndonesianEvenWhenCombined() {
        assertThat(EventNarration.role("TREASURER")).isEqualTo("Bendahara");
        assertThat(EventNarration.role("PLANNER+TREASURER")).isEqualTo("Perencana, Bendahara");
        assertThat(EventNarration.role("SYSTEM")).isEqualTo("Sistem");
    }

    private static Object sample(Class<?> type) throws Exception {
        if (type == String.class) {
            return "teks";
        }
        if (type == int.class || type == Integer.class) {
            return 2023;
        }
        if (type == long.class || type == Long.class) {
            return 5L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == BigDecimal.class) {
            return new BigDecimal("12.5");
        }
        if (type == Rupiah.class) {
            return Rupiah.of(1_500_000);
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2023, 11, 20);
        }
        if (List.class.isAssignableFrom(type)) {
            return List.of();
        }
        if (Map.class.isAssignableFrom(type)) {
            return Map.of();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isRecord()) {
            RecordComponent[] parts = type.getRecordComponents();
            Class<?>[] types = new Class<?>[parts.length];
            Object[] values = new Object[parts.length];
            for (int i = 0; i < parts.length; i++) {
                types[i] = parts[i].getType();
                values[i] = sample(types[i]);
            }
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        }
        throw new IllegalArgumentException("no sample for " + type);
    }
}
