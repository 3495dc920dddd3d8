package id.sakip.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A browser-like session on the pages: signed in through the form, with its cookie and CSRF token. */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final TestRestTemplate http;
    private String cookie;
    private String accept;

    private PageSession(TestRestTemplate http) {
        this.http = http;
    }

    public static PageSession signIn(TestRestTemplate anonymous, String username, String password) {
        PageSession session = new PageSession(anonymous.withRedirects(
                org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW));
        ResponseEntity<String> login = anonymous.getForEntity("/login", String.class);
        session.remember(login);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", username);
        form.add("password", password);
        form.add("_csrf", csrf(login.getBody()));
        ResponseEntity<String> signedIn = session.exchange("/login", HttpMethod.POST, form,
                MediaType.APPLICATION_FORM_URLENCODED, String.class);
        assertThat(signedIn.getHeaders().getLocation()).as("signed in").isNotNull();
        assertThat(signedIn.getHeaders().getLocation().toString()).doesNotContain("error");
        return session;
    }

    /** From now on, asks for pages as a browser does ({@code Accept: text/html,...}). */
    public PageSession asBrowser() {
        accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        return this;
    }

    public static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    public <T> ResponseEntity<T> get(String path, Class<T> type) {
        return exchange(path, HttpMethod.GET, null, null, type);
    }

    /** Posts a form the way the page does, with the CSRF token taken from {@code page}. */
    public ResponseEntity<String> postForm(String path, String page, MultiValueMap<String, ?> form,
                                           MediaType type) {
        @SuppressWarnings("unchecked")
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>((MultiValueMap<String, Object>) form);
        body.add("_csrf", csrf(page));
        return exchange(path, HttpMethod.POST, body, type, String.class);
    }

    private <T> ResponseEntity<T> exchange(String path, HttpMethod method, Object body, MediaType type,
                                           Class<T> responseType) {
        HttpHeaders headers = new HttpHeaders();
        if (cookie != null) {
            headers.add(HttpHeaders.COOKIE, cookie);
        }
        if (type != null) {
            headers.setContentType(type);
        }
        if (accept != null) {
            headers.set(HttpHeaders.ACCEPT, accept);
        }
        ResponseEntity<T> r = http.exchange(path, method, new HttpEntity<>(body, headers), responseType);
        remember(r);
        return r;
    }

    private void remember(ResponseEntity<?> response) {
        List<String> set = response.getHeaders().get(HttpHeaders.SET_COOKIE);
        if (set != null) {
            for (String c : set) {
                if (c.startsWith("JSESSIONID=")) {
                    cookie = c.substring(0, c.indexOf(';'));
                }
            }
        }
    }
}
