package id.sakip.ledger.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import id.sakip.ledger.LedgerApiTest;

/**
 * Header values the ledger reads that are not printable ASCII get 400 problem+json, through the real
 * server (raw bytes on a socket, since HTTP clients refuse to send them).
 */
class HeaderSafetyTest extends LedgerApiTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Idempotency-Key", "X-Correlation-Id"})
    void aNonAsciiValueOfAHeaderTheLedgerReadsIsRefusedWithAProblem(String header) throws IOException {
        String json = "{\"lineId\":\"1\",\"amount\":5,\"date\":\"2025-01-02\",\"document\":\"D\"}";
        String response = raw("POST /api/v1/organisations/kec-header/budgets/2025/realisations HTTP/1.1\r\n"
                + "Content-Type: application/json\r\n" + header + ": kunci-\u00e9\u00e8-\u4e2d\r\n"
                + "Content-Length: " + json.length() + "\r\n", json);
        assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("\"code\":\"INVALID_HEADER\"").containsIgnoringCase(header);
    }

    @org.junit.jupiter.api.Test
    void anEncodedNulInThePathGetsAProblemInsteadOfTomcatsPage() throws IOException {
        String response = raw("GET /api/v1/organisations/kec%00x/reports/budget-realisation?year=2025 HTTP/1.1\r\n", "");
        assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("\"code\":\"MALFORMED_REQUEST\"").doesNotContain("<html").doesNotContain("Tomcat");
    }

    @org.junit.jupiter.api.Test
    void aNulInAHeaderGetsAProblemInsteadOfTomcatsPage() throws IOException {
        String response = raw("GET /api/v1/organisations HTTP/1.1\r\nX-Note: a\u0000b\r\n", "");
        assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .doesNotContain("<html").doesNotContain("Tomcat");
    }

    private String raw(String head, String body) throws IOException {
        URI root = URI.create(http.getRootUri());
        String auth = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Host: localhost\r\nAuthorization: Basic " + auth + "\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
