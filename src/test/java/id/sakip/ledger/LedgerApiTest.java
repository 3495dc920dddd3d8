package id.sakip.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import id.sakip.ledger.eventstore.ProjectionLag;
import id.sakip.ledger.shared.SettableClock;

/**
 * Base of the HTTP-level tests: one application on the embedded default, shared by every test class
 * (each uses its own organisation ids), with a clock the tests can move forward.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
@org.springframework.context.annotation.Import(LedgerApiTest.TestBeans.class)
public abstract class LedgerApiTest {

    private static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("ledger-api-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bootstrap admin's password in tests (set as the application would get it from the environment). */
    public static final String ADMIN_PASSWORD = "test-admin-password-1";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", DATA_DIR::toString);
        registry.add("ledger.security.bootstrap-admin-password", () -> ADMIN_PASSWORD);
    }

    /** The clock and test-only beans every API test shares. */
    @TestConfiguration
    public static class TestBeans {
        @Bean
        @Primary
        public SettableClock testClock() {
            return new SettableClock(Instant.now());
        }

        @Bean
        public EventUpcaster testUpcaster() {
            return new id.sakip.ledger.eventstore.TestUpcasterAccess().upcaster();
        }
    }

    @Autowired
    protected TestRestTemplate anonymous;
    /** Requests signed in as the bootstrap admin. */
    protected TestRestTemplate http;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        http = anonymous.withBasicAuth("admin", ADMIN_PASSWORD);
        // Axon stamps events with one JVM-wide clock, which every application context started in this JVM
        // (RewrittenLogTest's, Axon's own suite) sets; the shared context's tests need theirs.
        org.axonframework.eventhandling.GenericEventMessage.clock = clock;
    }
    @Autowired
    protected ProjectionLag projections;
    @Autowired
    protected SettableClock clock;

    protected static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    /** A DPA of one line (line "1", Rp 1.000.000 of goods and services) under program 1, activity 1, sasaran S1. */
    protected static Map<String, Object> oneLineBudget() {
        return Map.of("fund", "APBD", "programs", java.util.List.of(Map.of("number", 1, "name", "P",
                "activities", java.util.List.of(Map.of("number", 1, "name", "K", "objective", "S1", "lines",
                        java.util.List.of(Map.of("lineId", "1", "number", 1, "name", "L",
                                "economicClass", "barang_jasa", "amount", 1_000_000)))))));
    }

    protected ResponseEntity<Map<String, Object>> post(String path, Object body) {
        return post(path, body, new HttpHeaders());
    }

    protected ResponseEntity<Map<String, Object>> post(String path, Object body, HttpHeaders headers) {
        if (headers.getContentType() == null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
    }

    protected ResponseEntity<Map<String, Object>> get(String path) {
        return http.exchange(path, HttpMethod.GET, null, JSON);
    }

    /** The media type of an XLSX workbook. */
    protected static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Imports a DPA workbook through the API, as a planner would; a dry run only previews it. */
    protected ResponseEntity<Map<String, Object>> importDpa(String org, int year, byte[] workbook, boolean dryRun) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(XLSX));
        return post("/api/v1/imports/dpa?organisation=" + org + "&year=" + year + (dryRun ? "&dryRun=true" : ""),
                workbook, headers);
    }

    /** Imports the Jiken 2023 LKjIP file through the API, as a planner would. */
    protected ResponseEntity<Map<String, Object>> postJikenImport() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        return post("/api/v1/imports/lkjip", jikenYaml(), headers);
    }

    protected void awaitProjections() {
        assertThat(projections.awaitCaughtUp(Duration.ofSeconds(20))).as("projections caught up").isTrue();
    }

    /** The Jiken 2023 LKjIP: from ../shared when present, else the copy among the test resources. */
    public static byte[] jikenYaml() {
        Path shared = Path.of("..", "shared", "reference", "jiken-2023.yaml");
        try {
            if (Files.exists(shared)) {
                return Files.readAllBytes(shared);
            }
            return LedgerApiTest.class.getResourceAsStream("/examples/jiken-2023.yaml").readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
