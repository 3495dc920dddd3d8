package id.sakip.ledger.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import id.sakip.ledger.LedgerApiTest;

/** A page form sent without its CSRF token is refused in Indonesian for browsers and as problem+json otherwise. */
class CsrfRefusalTest extends LedgerApiTest {

    private ResponseEntity<String> postWithoutToken(MediaType accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(accept));
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return anonymous.exchange("/logout", HttpMethod.POST, new HttpEntity<>("a=b", headers), String.class);
    }

    @Test
    void aBrowserGetsAnIndonesianPage() {
        ResponseEntity<String> r = postWithoutToken(MediaType.TEXT_HTML);
        assertThat(r.getStatusCode().value()).isEqualTo(403);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(r.getBody()).contains("Formulir kedaluwarsa").contains("Muat ulang halaman").contains("WIB");
    }

    @Test
    void aClientThatDoesNotAskForHtmlGetsAProblemNamedCsrf() {
        ResponseEntity<String> r = postWithoutToken(MediaType.APPLICATION_JSON);
        assertThat(r.getStatusCode().value()).isEqualTo(403);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(r.getBody()).contains("\"code\":\"CSRF\"");
    }
}
