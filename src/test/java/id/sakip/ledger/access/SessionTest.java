package id.sakip.ledger.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import id.sakip.ledger.LedgerApiTest;
import id.sakip.ledger.shared.LedgerClock;
import id.sakip.ledger.web.PageSession;

/**
 * A page session follows its account: a change of roles or a disabling takes effect on the user's
 * next request in every open session, and the session cookie is SameSite=Lax, Secure over HTTPS.
 */
class SessionTest extends LedgerApiTest {

    private static final String ORG = "kec-sesi";
    private static final int YEAR = LocalDate.now(LedgerClock.WIB).getYear();
    private static final String PAGE = "/org/" + ORG + "/anggaran/" + YEAR;
    private static boolean prepared;

    @BeforeEach
    void budget() {
        if (prepared) {
            return;
        }
        Map<String, Object> budget = oneLineBudget();
        assertThat(post("/api/v1/organisations/" + ORG + "/budgets/" + YEAR, budget).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        prepared = true;
    }

    private void treasurer(String username) {
        ResponseEntity<Map<String, Object>> r = post("/api/v1/users", Map.of("username", username, "password",
                username + "-password-1", "roles", List.of(Map.of("role", "TREASURER", "organisation", ORG))));
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    private static ResponseEntity<String> spend(PageSession session, String page, String document) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("lineId", "1");
        form.add("amount", "1.000");
        form.add("date", LocalDate.now(LedgerClock.WIB).toString());
        form.add("document", document);
        return session.postForm(PAGE + "/realisasi", page, form, MediaType.APPLICATION_FORM_URLENCODED);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> realisationsBy(String username) {
        awaitProjections();
        return (List<Map<String, Object>>) get("/api/v1/organisations/" + ORG + "/audit/events?type="
                + "RealisationRecorded&actor=" + username).getBody().get("events");
    }

    @Test
    void aTreasurerDemotedToAuditorCanNoLongerRecordThroughASessionOpenedBefore() {
        treasurer("sesi-demoted");
        PageSession session = PageSession.signIn(anonymous, "sesi-demoted", "sesi-demoted-password-1");
        String page = session.get(PAGE, String.class).getBody();
        assertThat(spend(session, page, "SP2D-S1").getHeaders().getLocation().toString()).contains("tercatat=");

        assertThat(http.exchange("/api/v1/users/sesi-demoted/roles", HttpMethod.PUT, new HttpEntity<>(Map.of("roles",
                List.of(Map.of("role", "AUDITOR", "organisation", ORG)))), JSON).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<String> refused = spend(session, page, "SP2D-S2");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(refused.getBody()).contains("Ditolak: hanya bendahara organisasi ini yang dapat mencatat realisasi.");
        assertThat(realisationsBy("sesi-demoted")).singleElement()
                .satisfies(e -> assertThat(e.toString()).contains("SP2D-S1"));
        assertThat(session.get(PAGE, String.class).getBody()).as("the auditor still reads").contains("Rp");
    }

    @Test
    void aDisabledTreasurersOpenSessionEndsOnTheNextRequestAndRecordsNothing() {
        treasurer("sesi-disabled");
        PageSession session = PageSession.signIn(anonymous, "sesi-disabled", "sesi-disabled-password-1");
        String page = session.get(PAGE, String.class).getBody();
        assertThat(post("/api/v1/users/sesi-disabled/disabling", Map.of("reason", "pindah tugas")).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        ResponseEntity<String> refused = spend(session, page, "SP2D-D1");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(refused.getHeaders().getLocation().toString()).endsWith("/login");
        assertThat(session.get(PAGE, String.class).getHeaders().getLocation().toString()).endsWith("/login");
        assertThat(realisationsBy("sesi-disabled")).isEmpty();
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndSecureWhenTheRequestCameOverHttps() {
        String plain = anonymous.getForEntity("/login", String.class).getHeaders().getFirst(HttpHeaders.SET_COOKIE);
        assertThat(plain).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax")
                .doesNotContain("Secure");
        HttpHeaders proxied = new HttpHeaders();
        proxied.set("X-Forwarded-Proto", "https");
        String https = anonymous.exchange("/login", HttpMethod.GET, new HttpEntity<>(proxied), String.class)
                .getHeaders().getFirst(HttpHeaders.SET_COOKIE);
        assertThat(https).startsWith("JSESSIONID=").contains("SameSite=Lax").contains("Secure");
    }
}
