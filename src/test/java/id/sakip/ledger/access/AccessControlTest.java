package id.sakip.ledger.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import id.sakip.ledger.LedgerApiTest;

/** Roles are scoped per organisation; the actor on every event is the authenticated user. */
class AccessControlTest extends LedgerApiTest {

    private static boolean usersCreated;

    private TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, user + "-password-1");
    }

    private void createUser(String username, String role, String org) {
        ResponseEntity<Map<String, Object>> r = post("/api/v1/users", Map.of("username", username, "password",
                username + "-password-1", "roles", List.of(Map.of("role", role, "organisation", org))));
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    @BeforeEach
    void users() {
        if (usersCreated) {
            return;
        }
        createUser("siti", "TREASURER", "kec-acl");
        createUser("budi", "PLANNER", "kec-acl");
        createUser("ani", "AUDITOR", "kec-acl");
        createUser("joko", "TREASURER", "kec-other");
        Map<String, Object> budget = Map.of("fund", "APBD", "programs", List.of(Map.of("number", 1, "name", "P",
                "activities", List.of(Map.of("number", 1, "name", "K", "objective", "S1", "lines", List.of(
                        Map.of("lineId", "1", "number", 1, "name", "L", "economicClass", "modal", "amount",
                                1_000_000)))))));
        assertThat(as("budi").exchange("/api/v1/organisations/kec-acl/budgets/2025", HttpMethod.POST,
                new HttpEntity<>(budget), JSON).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        usersCreated = true;
    }

    private ResponseEntity<Map<String, Object>> spend(TestRestTemplate client, String org, long amount) {
        return client.exchange("/api/v1/organisations/" + org + "/budgets/2025/realisations", HttpMethod.POST,
                new HttpEntity<>(Map.of("lineId", "1", "amount", amount, "date", "2025-01-15", "document", "SP2D")),
                JSON);
    }

    @Test
    void withoutCredentialsEverythingButHealthIsRefusedWith401() {
        ResponseEntity<Map<String, Object>> r = anonymous.exchange("/api/v1/organisations/kec-acl/reports/"
                + "budget-realisation?year=2025", HttpMethod.GET, null, JSON);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(r.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(anonymous.withBasicAuth("siti", "wrong").exchange("/api/v1/organisations", HttpMethod.GET, null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("siti").getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.getForEntity("/actuator/env", String.class).getStatusCode().is4xxClientError()).isTrue();
    }

    @Test
    void aTreasurerRecordsRealisationsOnlyForTheirOwnOrganisation() {
        ResponseEntity<Map<String, Object>> own = spend(as("siti"), "kec-acl", 1_000);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(spend(as("joko"), "kec-acl", 1_000).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("joko").exchange("/api/v1/organisations/kec-acl/reports/budget-realisation?year=2025",
                HttpMethod.GET, null, JSON).getStatusCode()).as("reads too").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("siti").exchange("/api/v1/organisations/kec-acl/budgets/2025/amendments", HttpMethod.POST,
                new HttpEntity<>(Map.of("kind", "PERUBAHAN")), JSON).getStatusCode())
                .as("a treasurer does not amend budgets").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(spend(as("budi"), "kec-acl", 1_000).getStatusCode()).as("a planner does not spend")
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void idempotencyKeysArePerUserSoAnotherUserWithTheSameKeyAndBodyDoesNotGetTheFirstUsersReceipt() {
        createUser("tuti", "TREASURER", "kec-idem-users");
        createUser("wati", "TREASURER", "kec-idem-users");
        Map<String, Object> budget = Map.of("fund", "APBD", "programs", List.of(Map.of("number", 1, "name", "P",
                "activities", List.of(Map.of("number", 1, "name", "K", "objective", "S1", "lines", List.of(
                        Map.of("lineId", "1", "number", 1, "name", "L", "economicClass", "modal", "amount",
                                1_000_000)))))));
        assertThat(post("/api/v1/organisations/kec-idem-users/budgets/2025", budget).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        HttpHeaders key = new HttpHeaders();
        key.set("Idempotency-Key", "shared-key-1");
        HttpEntity<Map<String, Object>> request = new HttpEntity<>(Map.of("lineId", "1", "amount", 3, "date",
                "2025-01-16", "document", "SP2D-IK"), key);
        String path = "/api/v1/organisations/kec-idem-users/budgets/2025/realisations";
        ResponseEntity<Map<String, Object>> tuti = as("tuti").exchange(path, HttpMethod.POST, request, JSON);
        ResponseEntity<Map<String, Object>> wati = as("wati").exchange(path, HttpMethod.POST, request, JSON);
        ResponseEntity<Map<String, Object>> tutiAgain = as("tuti").exchange(path, HttpMethod.POST, request, JSON);
        assertThat(tuti.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(wati.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(wati.getBody().get("entryId")).as("wati's own entry").isNotEqualTo(tuti.getBody().get("entryId"));
        assertThat(tutiAgain.getBody().get("entryId")).as("tuti's retry").isEqualTo(tuti.getBody().get("entryId"));
    }

    @Test
    void anAuditorReadsEverythingAndWritesNothing() {
        TestRestTemplate ani = as("ani");
        assertThat(ani.exchange("/api/v1/organisations/kec-acl/reports/budget-realisation?year=2025", HttpMethod.GET,
                null, JSON).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ani.exchange("/api/v1/organisations/kec-acl/audit/events", HttpMethod.GET, null, JSON)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ani.getForEntity("/api/v1/audit/verify", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(spend(ani, "kec-acl", 1).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        HttpHeaders yaml = new HttpHeaders();
        yaml.setContentType(MediaType.parseMediaType("application/yaml"));
        assertThat(ani.exchange("/api/v1/imports/lkjip", HttpMethod.POST, new HttpEntity<>(jikenYaml(), yaml), JSON)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ani.getForEntity("/api/v1/users", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ani.exchange("/api/v1/admin/rebuilds", HttpMethod.POST, new HttpEntity<>(Map.of()), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aPlannerImportsOnlyForTheirOwnOrganisation() {
        HttpHeaders yaml = new HttpHeaders();
        yaml.setContentType(MediaType.parseMediaType("application/yaml"));
        ResponseEntity<Map<String, Object>> r = as("budi").exchange("/api/v1/imports/lkjip?dryRun=true",
                HttpMethod.POST, new HttpEntity<>(jikenYaml(), yaml), JSON);
        assertThat(r.getStatusCode()).as("Jiken is not budi's organisation").isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theActorIsTheAuthenticatedUserAndCannotBeForged() {
        HttpHeaders forged = new HttpHeaders();
        forged.set("X-Actor", "bupati");
        forged.set("actorId", "bupati");
        ResponseEntity<Map<String, Object>> r = as("siti").exchange("/api/v1/organisations/kec-acl/budgets/2025/"
                + "realisations", HttpMethod.POST, new HttpEntity<>(Map.of("lineId", "1", "amount", 7, "date",
                "2025-01-15", "document", "SP2D-F"), forged), JSON);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map<String, Object>> bodyForged = as("siti").exchange("/api/v1/organisations/kec-acl/budgets/"
                + "2025/realisations", HttpMethod.POST, new HttpEntity<>(Map.of("lineId", "1", "amount", 7, "date",
                "2025-01-15", "document", "SP2D-G", "actorId", "bupati")), JSON);
        assertThat(bodyForged.getStatusCode()).as("unknown fields are refused").isEqualTo(HttpStatus.BAD_REQUEST);
        awaitProjections();
        List<Map<String, Object>> events = (List<Map<String, Object>>) as("ani").exchange(
                "/api/v1/organisations/kec-acl/audit/events?type=RealisationRecorded", HttpMethod.GET, null, JSON)
                .getBody().get("events");
        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e).containsEntry("actorId", "siti")
                .containsEntry("actorRole", "TREASURER"));
        List<Map<String, Object>> adoption = (List<Map<String, Object>>) as("ani").exchange(
                "/api/v1/organisations/kec-acl/audit/events?type=BudgetAdopted", HttpMethod.GET, null, JSON)
                .getBody().get("events");
        assertThat(adoption).singleElement().satisfies(e -> assertThat(e).containsEntry("actorId", "budi")
                .containsEntry("actorRole", "PLANNER"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void adminsManageUsersAndEveryChangeIsAnEvent() {
        createUser("tmp-user", "AUDITOR", "kec-acl");
        TestRestTemplate tmp = anonymous.withBasicAuth("tmp-user", "tmp-user-password-1");
        assertThat(tmp.getForEntity("/api/v1/organisations", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.exchange("/api/v1/users/tmp-user/roles", HttpMethod.PUT, new HttpEntity<>(Map.of("roles",
                List.of(Map.of("role", "AUDITOR", "organisation", "kec-other")))), JSON).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(tmp.exchange("/api/v1/organisations/kec-acl/reports/budget-realisation?year=2025", HttpMethod.GET,
                null, JSON).getStatusCode()).as("the role change applies at once").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("/api/v1/users/tmp-user/disabling", Map.of("reason", "pindah tugas")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(tmp.getForEntity("/api/v1/organisations", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        awaitProjections();
        List<Map<String, Object>> users = (List<Map<String, Object>>) (List<?>) http.exchange("/api/v1/users",
                HttpMethod.GET, null, List.class).getBody();
        assertThat(users).anySatisfy(u -> assertThat(u).containsEntry("username", "tmp-user")
                .containsEntry("enabled", false));
        assertThat(users.toString()).doesNotContain("$2a$");
        assertThat(post("/api/v1/users", Map.of("username", "weak", "password", "short", "roles",
                List.of(Map.of("role", "AUDITOR", "organisation", "kec-acl")))).getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(post("/api/v1/users", Map.of("username", "siti", "password", "another-password-2", "roles",
                List.of(Map.of("role", "ADMIN", "organisation", "*")))).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void pagesNeedASignInAndFormsCarryACsrfToken() {
        ResponseEntity<String> page = anonymous.getForEntity("/", String.class);
        assertThat(page.getBody()).as("redirected to the sign-in page").contains("action=\"/login\"");
        ResponseEntity<String> login = anonymous.getForEntity("/login", String.class);
        assertThat(login.getBody()).contains("name=\"_csrf\"").contains("Kata sandi");
        assertThat(login.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(login.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(login.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        HttpHeaders form = new HttpHeaders();
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> withoutToken = anonymous.exchange("/login", HttpMethod.POST,
                new HttpEntity<>("username=admin&password=" + ADMIN_PASSWORD, form), String.class);
        assertThat(withoutToken.getStatusCode()).as("no CSRF token, no sign-in").isEqualTo(HttpStatus.FORBIDDEN);
    }
}
