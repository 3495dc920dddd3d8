package id.sakip.ledger.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import id.sakip.ledger.LedgerApiTest;
import id.sakip.ledger.web.PageSession;

/**
 * Failed sign-ins are throttled per user (and per client address): after five free failures the
 * next ones lock the name out for a growing delay, answered 429 with {@code Retry-After}, logged
 * without the password and counted in {@code ledger.login.failures}. A disabled account is answered
 * exactly like a wrong password.
 */
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottlingTest extends LedgerApiTest {

    private static final String ORGANISATIONS = "/api/v1/organisations";

    @Autowired
    MeterRegistry meters;

    private void createUser(String username) {
        ResponseEntity<Map<String, Object>> r = post("/api/v1/users", Map.of("username", username, "password",
                username + "-password-1", "roles", List.of(Map.of("role", "AUDITOR", "organisation", "kec-thr"))));
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    private double failures(String reason) {
        Counter counter = meters.find("ledger.login.failures").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private ResponseEntity<Map<String, Object>> organisations(String username, String password) {
        return anonymous.withBasicAuth(username, password).exchange(ORGANISATIONS, HttpMethod.GET, null, JSON);
    }

    @Test
    void afterFiveFreeFailuresTheApiAnswers429WithRetryAfterEvenToTheRightPasswordUntilTheDelayHasPassed(
            CapturedOutput output) {
        createUser("thr-api");
        double badBefore = failures("bad_password");
        double throttledBefore = failures("throttled");
        for (int i = 1; i <= 6; i++) {
            assertThat(organisations("thr-api", "guess-number-" + i).getStatusCode()).as("failure " + i)
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        ResponseEntity<Map<String, Object>> locked = organisations("thr-api", "thr-api-password-1");
        assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(locked.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(locked.getBody()).containsEntry("code", "SIGN_IN_THROTTLED");
        assertThat(Long.parseLong(locked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 2L);
        assertThat(failures("bad_password") - badBefore).isEqualTo(6);
        assertThat(failures("throttled") - throttledBefore).isEqualTo(1);
        assertThat(output.getAll()).contains("Sign-in failed for user 'thr-api'")
                .contains("sign-ins refused for 1 s").doesNotContain("guess-number-");

        clock.advanceSeconds(2);
        assertThat(anonymous.withBasicAuth("thr-api", "thr-api-password-1").getForEntity(ORGANISATIONS, String.class)
                .getStatusCode()).as("after the delay")
                .isEqualTo(HttpStatus.OK);
        assertThat(organisations("thr-api", "guess-again").getStatusCode()).as("a success forgets the failures")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theSignInFormSendsAThrottledUserBackToTheSignInPageWithRetryAfterAndTheWaitInIndonesian() {
        createUser("thr-page");
        TestRestTemplate browser = anonymous.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
        ResponseEntity<String> login = browser.getForEntity("/login", String.class);
        String cookie = login.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
        ResponseEntity<String> last = null;
        for (int i = 1; i <= 7; i++) {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("username", "thr-page");
            form.add("password", "guess-" + i);
            form.add("_csrf", PageSession.csrf(login.getBody()));
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            headers.add(HttpHeaders.COOKIE, cookie);
            last = browser.exchange("/login", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
            if (i <= 6) {
                assertThat(last.getHeaders().getLocation().toString()).as("failure " + i).endsWith("/login?error");
            }
        }
        assertThat(last.getHeaders().getLocation().toString()).endsWith("/login?tunggu=1");
        assertThat(last.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(browser.getForEntity("/login?tunggu=1", String.class).getBody())
                .contains("Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 1 detik.");
    }

    @Test
    void aDisabledAccountIsAnsweredExactlyAsAWrongPasswordWhateverPasswordIsSent() {
        createUser("thr-disabled");
        createUser("thr-enabled");
        assertThat(post("/api/v1/users/thr-disabled/disabling", Map.of("reason", "pindah tugas")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<Map<String, Object>> disabled = organisations("thr-disabled", "thr-disabled-password-1");
        ResponseEntity<Map<String, Object>> wrong = organisations("thr-enabled", "not-the-password");
        assertThat(disabled.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(disabled.getBody()).isEqualTo(wrong.getBody());
        assertThat(disabled.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo(wrong.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE));
        assertThat(organisations("thr-disabled", "any-other-password").getBody()).isEqualTo(wrong.getBody());
    }
}
