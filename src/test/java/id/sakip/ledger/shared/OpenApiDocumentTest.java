package id.sakip.ledger.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import id.sakip.ledger.LedgerApiTest;

/** The API is documented with OpenAPI, every public endpoint included. */
class OpenApiDocumentTest extends LedgerApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDocumentListsTheLedgerEndpoints() {
        Map<String, Object> doc = get("/v3/api-docs").getBody();
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        assertThat(paths).containsKeys(
                "/api/v1/organisations/{org}/budgets/{year}",
                "/api/v1/organisations/{org}/budgets/{year}/amendments",
                "/api/v1/organisations/{org}/budgets/{year}/realisations",
                "/api/v1/organisations/{org}/budgets/{year}/realisations/{entryId}/reversal",
                "/api/v1/organisations/{org}/budgets/{year}/closing",
                "/api/v1/organisations/{org}/reports/budget-realisation",
                "/api/v1/organisations/{org}/reports/budget-amendments",
                "/api/v1/imports/lkjip",
                "/api/v1/audit/verify");
    }
}
