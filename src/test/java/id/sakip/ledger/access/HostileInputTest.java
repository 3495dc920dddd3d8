package id.sakip.ledger.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import id.sakip.ledger.LedgerApiTest;
import id.sakip.ledger.eventstore.CommitLog;
import id.sakip.ledger.shared.LedgerClock;

/**
 * Hostile and malformed requests get a clear 4xx problem+json with no stack trace, and nothing is
 * appended to the log.
 */
class HostileInputTest extends LedgerApiTest {

    private static final String ORG = "kec-hostile";
    private static final int YEAR = LocalDate.now(LedgerClock.WIB).getYear();
    private static final String BASE = "/api/v1/organisations/" + ORG + "/budgets/" + YEAR;
    private static boolean prepared;

    @Autowired
    CommitLog log;

    @BeforeEach
    void budgetAndPlan() {
        if (prepared) {
            return;
        }
        Map<String, Object> budget = oneLineBudget();
        assertThat(post(BASE, budget).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> plan = Map.of("planId", "renstra-h", "fromYear", YEAR - 1, "toYear", YEAR + 3,
                "goals", List.of(Map.of("id", "T1", "name", "Tujuan", "objectives", List.of(Map.of("id", "S1",
                        "name", "Sasaran", "indicators", List.of(Map.of("id", "IKU-H", "name", "Nilai",
                                "direction", "higher_is_better")))))));
        assertThat(post("/api/v1/organisations/" + ORG + "/plans", plan).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        awaitProjections();
        prepared = true;
    }

    private static String spend(String amount, String date, String extra) {
        return "{\"lineId\":\"1\",\"amount\":" + amount + ",\"date\":" + date + ",\"document\":\"SP2D-H\"" + extra + "}";
    }

    static Stream<Arguments> hostileRequests() {
        String today = LocalDate.now(LedgerClock.WIB).toString();
        String tomorrow = LocalDate.now(LedgerClock.WIB).plusDays(1).toString();
        String realisations = BASE + "/realisations";
        String bigDescription = "x".repeat(70 * 1024);
        return Stream.of(
                Arguments.of("malformed JSON", "POST", realisations, "json", "{\"lineId\": \"1\", \"amount\": ", 400),
                Arguments.of("a JSON array instead of an object", "POST", realisations, "json", "[1,2,3]", 400),
                Arguments.of("trailing garbage", "POST", realisations, "json",
                        spend("5", "\"" + today + "\"", "") + "}{", 400),
                Arguments.of("amount as text", "POST", realisations, "json", spend("\"abc\"", "\"" + today + "\"", ""), 400),
                Arguments.of("amount as a number in a string", "POST", realisations, "json",
                        spend("\"100\"", "\"" + today + "\"", ""), 400),
                Arguments.of("date as a boolean", "POST", realisations, "json", spend("5", "true", ""), 400),
                Arguments.of("negative amount", "POST", realisations, "json", spend("-5", "\"" + today + "\"", ""), 422),
                Arguments.of("zero amount", "POST", realisations, "json", spend("0", "\"" + today + "\"", ""), 422),
                Arguments.of("fractional amount", "POST", realisations, "json", spend("1.5", "\"" + today + "\"", ""), 400),
                Arguments.of("amount beyond long", "POST", realisations, "json",
                        spend("99999999999999999999", "\"" + today + "\"", ""), 400),
                Arguments.of("amount beyond the line", "POST", realisations, "json",
                        spend("1000001", "\"" + today + "\"", ""), 409),
                Arguments.of("impossible date", "POST", realisations, "json", spend("5", "\"" + YEAR + "-02-30\"", ""), 400),
                Arguments.of("date outside the year", "POST", realisations, "json",
                        spend("5", "\"" + (YEAR - 1) + "-12-31\"", ""), 422),
                Arguments.of("date in the future", "POST", realisations, "json", spend("5", "\"" + tomorrow + "\"", ""),
                        tomorrow.startsWith(String.valueOf(YEAR)) ? 422 : 422),
                Arguments.of("unknown line", "POST", realisations, "json",
                        "{\"lineId\":\"nope\",\"amount\":5,\"date\":\"" + today + "\",\"document\":\"x\"}", 404),
                Arguments.of("path traversal in a line id", "POST", realisations, "json",
                        "{\"lineId\":\"../../etc/passwd\",\"amount\":5,\"date\":\"" + today + "\",\"document\":\"x\"}", 404),
                Arguments.of("MongoDB operator as the line id", "POST", realisations, "json",
                        "{\"lineId\":{\"$gt\":\"\"},\"amount\":5,\"date\":\"" + today + "\",\"document\":\"x\"}", 400),
                Arguments.of("MongoDB operator as the amount", "POST", realisations, "json",
                        spend("{\"$gt\":0}", "\"" + today + "\"", ""), 400),
                Arguments.of("an unknown field", "POST", realisations, "json",
                        spend("5", "\"" + today + "\"", ",\"$where\":\"sleep(1000)\""), 400),
                Arguments.of("unknown budget", "POST", "/api/v1/organisations/" + ORG + "/budgets/1999/realisations",
                        "json", spend("5", "\"1999-01-01\"", ""), 404),
                Arguments.of("unknown entry reversal", "POST", realisations + "/no-such-entry/reversal", "json",
                        "{\"reason\":\"x\"}", 404),
                Arguments.of("encoded path traversal in an entry id", "POST", realisations
                        + "/%2e%2e%2f%2e%2e/reversal", "json", "{\"reason\":\"x\"}", 400),
                Arguments.of("dots in an organisation id", "GET", "/api/v1/organisations/kec..x/reports/"
                        + "budget-realisation?year=2025", "json", null, 422),
                Arguments.of("a MongoDB operator as organisation id", "GET", "/api/v1/organisations/$where/reports/"
                        + "budget-realisation?year=2025", "json", null, 422),
                Arguments.of("more than 2 decimals on a target", "PUT", "/api/v1/organisations/" + ORG
                        + "/indicators/IKU-H/targets/" + YEAR, "json", "{\"value\":75.123}", 422),
                Arguments.of("negative target", "PUT", "/api/v1/organisations/" + ORG + "/indicators/IKU-H/targets/"
                        + YEAR, "json", "{\"value\":-1}", 422),
                Arguments.of("unknown indicator", "PUT", "/api/v1/organisations/" + ORG + "/indicators/IKU-X/targets/"
                        + YEAR, "json", "{\"value\":1}", 404),
                Arguments.of("a year as text", "GET", "/api/v1/organisations/" + ORG + "/reports/budget-realisation"
                        + "?year=abc", "json", null, 400),
                Arguments.of("a NUL in a description", "POST", realisations, "json",
                        spend("5", "\"" + today + "\"", ",\"description\":\"ATK\\u0000 kantor\""), 422),
                Arguments.of("a bidi override in a description", "POST", realisations, "json",
                        spend("5", "\"" + today + "\"", ",\"description\":\"Bayar \\u202e000.1 pR\""), 422),
                Arguments.of("a zero-width space in a document number", "POST", realisations, "json",
                        "{\"lineId\":\"1\",\"amount\":5,\"date\":\"" + today + "\",\"document\":\"SP2D\\u200b-1\"}", 422),
                Arguments.of("a bidi isolate in a line id", "POST", realisations, "json",
                        "{\"lineId\":\"1\\u2066\",\"amount\":5,\"date\":\"" + today + "\",\"document\":\"x\"}", 422),
                Arguments.of("a command body over 64 KB", "POST", realisations, "json",
                        spend("5", "\"" + today + "\"", ",\"description\":\"" + bigDescription + "\""), 413),
                Arguments.of("malformed YAML", "POST", "/api/v1/imports/lkjip", "yaml", "organisation: [unclosed\n  x: {",
                        422),
                Arguments.of("a YAML alias bomb", "POST", "/api/v1/imports/lkjip", "yaml", id.sakip.ledger.reporting.command.LkjipParserTest.aliasBomb(), 422),
                Arguments.of("a YAML tag that builds a Java object", "POST", "/api/v1/imports/lkjip", "yaml",
                        "organisation: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader "
                                + "[[!!java.net.URL [\"http://127.0.0.1/\"]]]]\n", 422),
                Arguments.of("an import over 10 MB", "POST", "/api/v1/imports/lkjip", "yaml",
                        "# " + "y".repeat(10 * 1024 * 1024), 413),
                Arguments.of("JSON sent to the import", "POST", "/api/v1/imports/lkjip", "json", "{}", 415));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void isRefusedWithAProblemAndAppendsNothing(String name, String method, String path, String type, String body,
                                                int expected) {
        long head = log.headSequence();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType("yaml".equals(type) ? MediaType.parseMediaType("application/yaml")
                : MediaType.APPLICATION_JSON);
        HttpEntity<byte[]> entity = new HttpEntity<>(body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                headers);
        ResponseEntity<String> r = http.exchange(java.net.URI.create(http.getRootUri() + path),
                HttpMethod.valueOf(method), entity, String.class);
        assertThat(r.getStatusCode().value()).as(name + ": " + r.getBody()).isEqualTo(expected);
        assertThat(r.getHeaders().getContentType()).as(name).isNotNull();
        assertThat(r.getHeaders().getContentType().toString()).as(name).contains("application/problem+json");
        assertThat(r.getBody()).as(name).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("id.sakip.ledger.").contains("\"code\"");
        assertThat(log.headSequence()).as(name + ": nothing appended").isEqualTo(head);
    }

    @Test
    @SuppressWarnings("unchecked")
    void htmlInTextFieldsIsStoredAsTextAndReturnedAsAJsonString() {
        String script = "<script>alert('x')</script>";
        ResponseEntity<Map<String, Object>> r = post(BASE + "/realisations", Map.of("lineId", "1", "amount", 1,
                "date", LocalDate.now(LedgerClock.WIB).toString(), "document", "SP2D-<b>1</b>", "description", script));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(r.getBody()).containsEntry("description", script);
        String raw = http.getForObject("/api/v1/organisations/" + ORG + "/audit/history?lineId=1&year=" + YEAR,
                String.class);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/json");
        assertThat(raw).contains("alert");
    }
}
