package id.sakip.ledger.kabupaten;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import id.sakip.ledger.LedgerApiTest;
import id.sakip.ledger.eventstore.CommitLog;
import id.sakip.ledger.web.PageSession;

/**
 * A planner granted a whole kabupaten (Bappeda) registers a new OPD of it by the OPD's first LKjIP
 * import, as an ADMIN does, and the audit trail names them; a file of another kabupaten, an OPD
 * registered in another kabupaten, or a kabupaten grant without PLANNER is refused and records nothing.
 */
class KabupatenPlannerImportTest extends LedgerApiTest {

    private static final String KABUPATEN = "sukamakmur";
    private static final String OTHER = "Kabupaten Sukamiskin";
    private static final String OUTSIDE = "kec-sukamiskin-lama";
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {
            };

    private static boolean prepared;

    @Autowired
    CommitLog log;

    @BeforeEach
    void kabupatenUsers() {
        if (prepared) {
            return;
        }
        KabupatenSummaryTest.importFile(http, KabupatenFixtures.kecamatanOf(OUTSIDE, "Kecamatan Sukamiskin Lama",
                OTHER));
        createUser("bappeda-sukamakmur", Map.of("role", "PLANNER", "organisation", "kab:" + KABUPATEN));
        createUser("inspektur-sukamakmur", Map.of("role", "AUDITOR", "organisation", "kab:" + KABUPATEN),
                Map.of("role", "TREASURER", "organisation", "kab:" + KABUPATEN));
        createUser("bendahara-sukamakmur", Map.of("role", "TREASURER", "organisation", "kab:" + KABUPATEN),
                Map.of("role", "PLANNER", "organisation", "kec-tak-terkait"));
        prepared = true;
    }

    @SafeVarargs
    private void createUser(String username, Map<String, Object>... roles) {
        ResponseEntity<Map<String, Object>> r = post("/api/v1/users", Map.of("username", username, "password",
                username + "-password-1", "roles", List.of(roles)));
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    private TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, user + "-password-1");
    }

    private static ResponseEntity<Map<String, Object>> importFile(TestRestTemplate client, String yaml,
                                                                  boolean dryRun) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        return client.exchange("/api/v1/imports/lkjip" + (dryRun ? "?dryRun=true" : ""), HttpMethod.POST,
                new HttpEntity<>(yaml.getBytes(StandardCharsets.UTF_8), headers), JSON);
    }

    private List<Object> organisationIds() {
        awaitProjections();
        return http.exchange("/api/v1/organisations", HttpMethod.GET, null, LIST).getBody().stream()
                .map(o -> o.get("organisationId")).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> auditEvents(String org) {
        awaitProjections();
        return (List<Map<String, Object>>) get("/api/v1/organisations/" + org + "/audit/events").getBody()
                .get("events");
    }

    /** A refusal as the API gives it: 403 problem+json, English code, Indonesian detail. */
    private static void assertRefusedInIndonesian(ResponseEntity<Map<String, Object>> r, String detailPart) {
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(r.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(r.getBody()).containsEntry("code", "FORBIDDEN");
        assertThat(String.valueOf(r.getBody().get("detail"))).contains(detailPart);
    }

    @Test
    void aKabupatenPlannerRegistersANewOpdOfItsKabupatenWithItsDataInOneCommit() {
        String org = "kec-sukamakmur-baru";
        String file = KabupatenFixtures.kecamatanOf(org, "Kecamatan Sukamakmur Baru", "Kabupaten Sukamakmur");
        TestRestTemplate bappeda = as("bappeda-sukamakmur");
        long head = log.headSequence();

        ResponseEntity<Map<String, Object>> preview = importFile(bappeda, file, true);
        assertThat(preview.getStatusCode()).as(String.valueOf(preview.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(preview.getBody()).containsEntry("alreadyImported", false);
        assertThat(log.headSequence()).as("nothing recorded by the preview").isEqualTo(head);

        ResponseEntity<Map<String, Object>> imported = importFile(bappeda, file, false);
        assertThat(imported.getStatusCode()).as(String.valueOf(imported.getBody())).isEqualTo(HttpStatus.CREATED);
        List<Map<String, Object>> events = auditEvents(org);
        assertThat(events).extracting(e -> e.get("type")).contains("OrganisationRegistered", "BudgetAdopted",
                "RealisationRecorded");
        assertThat(events).extracting(e -> e.get("commitHash")).as("one commit").containsOnly(
                events.get(0).get("commitHash"));
        assertThat(bappeda.exchange("/api/v1/organisations/" + org + "/reports/budget-realisation?year=2024",
                HttpMethod.GET, null, JSON).getStatusCode()).as("the new OPD is the planner's to read")
                .isEqualTo(HttpStatus.OK);
        assertThat(bappeda.exchange("/api/v1/organisations", HttpMethod.GET, null, LIST).getBody())
                .extracting(o -> o.get("organisationId")).contains(org).doesNotContain(OUTSIDE);
    }

    @Test
    void theAuditTrailOfTheNewOpdNamesThePlannerWhoRegisteredItAndTheirRole() {
        String org = "kec-sukamakmur-jejak";
        assertThat(importFile(as("bappeda-sukamakmur"), KabupatenFixtures.kecamatanOf(org,
                "Kecamatan Sukamakmur Jejak", "Sukamakmur"), false).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(auditEvents(org)).isNotEmpty().allSatisfy(e -> assertThat(e)
                .containsEntry("actorId", "bappeda-sukamakmur").containsEntry("actorRole", "PLANNER"));
        assertThat(auditEvents(org)).filteredOn(e -> "OrganisationRegistered".equals(e.get("type"))).hasSize(1);
        PageSession auditor = PageSession.signIn(anonymous, "inspektur-sukamakmur",
                "inspektur-sukamakmur-password-1");
        assertThat(auditor.get("/org/" + org + "/audit", String.class).getBody()).contains("bappeda-sukamakmur")
                .contains("Perencana");
    }

    @Test
    void aFileOfAnotherKabupatenIsRefusedAndRecordsNothing() {
        String org = "kec-sukamiskin-baru";
        String file = KabupatenFixtures.kecamatanOf(org, "Kecamatan Sukamiskin Baru", OTHER);
        long head = log.headSequence();

        assertRefusedInIndonesian(importFile(as("bappeda-sukamakmur"), file, true), "kabupaten sukamiskin");
        assertRefusedInIndonesian(importFile(as("bappeda-sukamakmur"), file, false), "kabupaten sukamiskin");

        assertThat(log.headSequence()).as("events appended").isEqualTo(head);
        assertThat(organisationIds()).doesNotContain(org);
    }

    @Test
    void anOpdRegisteredInAnotherKabupatenIsNotTakenOverByAFileNamingThePlannersKabupaten() {
        String file = KabupatenFixtures.kecamatanOf(OUTSIDE, "Kecamatan Sukamiskin Lama", "Kabupaten Sukamakmur")
                .replace("budget: 1000000", "budget: 2000000");
        long head = log.headSequence();

        assertRefusedInIndonesian(importFile(as("bappeda-sukamakmur"), file, true), "sudah terdaftar");
        assertRefusedInIndonesian(importFile(as("bappeda-sukamakmur"), file, false), "kabupaten sukamiskin");

        assertThat(log.headSequence()).as("events appended").isEqualTo(head);
    }

    @Test
    void aKabupatenGrantOfAuditorOrTreasurerRegistersNothing() {
        String org = "kec-sukamakmur-tanpa-perencana";
        String file = KabupatenFixtures.kecamatanOf(org, "Kecamatan Sukamakmur Tanpa Perencana", "Sukamakmur");
        long head = log.headSequence();

        assertRefusedInIndonesian(importFile(as("inspektur-sukamakmur"), file, false), "Peran Anda");
        assertRefusedInIndonesian(importFile(as("bendahara-sukamakmur"), file, true), "PLANNER kabupaten itu");
        assertRefusedInIndonesian(importFile(as("bendahara-sukamakmur"), file, false), "PLANNER kabupaten itu");

        assertThat(log.headSequence()).as("events appended").isEqualTo(head);
        assertThat(organisationIds()).doesNotContain(org);
    }

    @Test
    void anExistingOpdOfAnotherKabupatenIsNotChangedByTheKabupatenPlanner() {
        TestRestTemplate bappeda = as("bappeda-sukamakmur");
        long head = log.headSequence();

        ResponseEntity<Map<String, Object>> reimport = importFile(bappeda, KabupatenFixtures.kecamatanOf(OUTSIDE,
                "Kecamatan Sukamiskin Lama", OTHER).replace("amount: 250000", "amount: 300000"), false);
        assertRefusedInIndonesian(reimport, "sudah terdaftar di kabupaten sukamiskin");
        assertThat(bappeda.exchange("/api/v1/organisations/" + OUTSIDE + "/budgets/2025", HttpMethod.POST,
                new HttpEntity<>(oneLineBudget()), JSON).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(bappeda.exchange("/api/v1/organisations/" + OUTSIDE + "/budgets/2024/amendments",
                HttpMethod.POST, new HttpEntity<>(Map.of("kind", "PERUBAHAN")), JSON).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(bappeda.exchange("/api/v1/organisations/" + OUTSIDE + "/reports/budget-realisation?year=2024",
                HttpMethod.GET, null, JSON).getStatusCode()).as("nor read").isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(log.headSequence()).as("events appended").isEqualTo(head);
    }

    private static MultiValueMap<String, Object> upload(String yaml, String fileName) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return form;
    }

    @Test
    void theImportPageRegistersANewOpdForTheKabupatenPlannerAndRefusesAnotherKabupatenInIndonesian() {
        String org = "kec-sukamakmur-halaman";
        PageSession bappeda = PageSession.signIn(anonymous, "bappeda-sukamakmur", "bappeda-sukamakmur-password-1");
        String form = bappeda.get("/impor", String.class).getBody();

        ResponseEntity<String> preview = bappeda.postForm("/impor/pratinjau", form, upload(KabupatenFixtures
                .kecamatanOf(org, "Kecamatan Sukamakmur Halaman", "Kabupaten Sukamakmur"), org + ".yaml"),
                MediaType.MULTIPART_FORM_DATA);
        assertThat(preview.getBody()).contains("id=\"import-preview\"").doesNotContain("id=\"import-refusal\"");
        MultiValueMap<String, Object> confirm = new LinkedMultiValueMap<>();
        confirm.add("digest", preview.getBody().replaceAll("(?s).*name=\"digest\" value=\"([0-9a-f]+)\".*", "$1"));
        ResponseEntity<String> started = bappeda.postForm("/impor/catat", preview.getBody(), confirm,
                MediaType.APPLICATION_FORM_URLENCODED);
        assertThat(started.getHeaders().getLocation().toString()).contains("/impor/proses/");
        String progress = started.getHeaders().getLocation().getPath();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            String page = bappeda.get(progress, String.class).getBody();
            return page.contains("id=\"import-done\"") || page.contains("id=\"import-failed\"");
        });
        assertThat(bappeda.get(progress, String.class).getBody()).contains("id=\"import-done\"");
        assertThat(organisationIds()).contains(org);

        ResponseEntity<String> refused = bappeda.postForm("/impor/pratinjau", form, upload(KabupatenFixtures
                .kecamatanOf("kec-sukamiskin-halaman", "Kecamatan Sukamiskin Halaman", OTHER), "lain.yaml"),
                MediaType.MULTIPART_FORM_DATA);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(refused.getBody()).contains("id=\"import-refusal\"").contains("Ditolak: hanya perencana")
                .contains("tidak ada yang dicatat").doesNotContain("id=\"import-preview\"");
        assertThat(organisationIds()).doesNotContain("kec-sukamiskin-halaman");
    }
}
