package id.sakip.ledger.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import id.sakip.ledger.LedgerApiTest;

/**
 * Every operation of {@code /v3/api-docs} documents its refusals as problem+json of the {@code ApiProblem}
 * schema, creations document the status they really answer, and the main answers come with an example.
 */
class OpenApiResponsesTest extends LedgerApiTest {

    private static final String PROBLEM = "application/problem+json";
    private static final Set<String> WRITE_METHODS = Set.of("post", "put", "delete", "patch");
    /** POSTs that append no event: a verification and a rebuild of read models. */
    private static final Set<String> APPEND_NOTHING = Set.of("post /api/v1/audit/verify", "post /api/v1/admin/rebuilds");

    private Map<String, Object> doc() {
        return get("/v3/api-docs").getBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> node, String... keys) {
        Map<String, Object> n = node;
        for (String k : keys) {
            n = n == null ? null : (Map<String, Object>) n.get(k);
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> operations(Map<String, Object> doc) {
        Map<String, Map<String, Object>> ops = new java.util.TreeMap<>();
        for (Map.Entry<String, Object> path : at(doc, "paths").entrySet()) {
            for (Map.Entry<String, Object> op : ((Map<String, Object>) path.getValue()).entrySet()) {
                ops.put(op.getKey() + " " + path.getKey(), (Map<String, Object>) op.getValue());
            }
        }
        return ops;
    }

    /** Whether the operation documents this status as problem+json of ApiProblem. */
    private static boolean problem(Map<String, Object> operation, String status) {
        Map<String, Object> schema = at(operation, "responses", status, "content", PROBLEM, "schema");
        return schema != null && "#/components/schemas/ApiProblem".equals(schema.get("$ref"));
    }

    @Test
    void everyOperationDocumentsA4xxRefusalAsApiProblem() {
        Map<String, Map<String, Object>> ops = operations(doc());
        assertThat(ops).hasSizeGreaterThan(30);
        List<String> without = new ArrayList<>();
        List<String> notApiProblem = new ArrayList<>();
        ops.forEach((key, op) -> {
            Map<String, Object> responses = at(op, "responses");
            if (responses.keySet().stream().noneMatch(s -> s.startsWith("4") && problem(op, s))) {
                without.add(key);
            }
            responses.keySet().stream().filter(s -> s.startsWith("4") || s.startsWith("5"))
                    .filter(s -> !problem(op, s)).forEach(s -> notApiProblem.add(key + " " + s));
        });
        assertThat(without).as("operations without a 4xx problem+json response").isEmpty();
        assertThat(notApiProblem).as("error responses not documented as ApiProblem").isEmpty();
    }

    @Test
    void everyApiOperationDocuments401And503AndEveryWriteThatAppendsEvents409() {
        List<String> missing = new ArrayList<>();
        operations(doc()).forEach((key, op) -> {
            String method = key.substring(0, key.indexOf(' '));
            boolean write = WRITE_METHODS.contains(method) && !APPEND_NOTHING.contains(key);
            List<String> expected = new ArrayList<>(List.of("401", "503"));
            if (write) {
                expected.addAll(List.of("400", "409", "422"));
            }
            if (key.contains("{")) {
                expected.add("404");
            }
            for (String status : expected) {
                if (!problem(op, status)) {
                    missing.add(key + " " + status);
                }
            }
            if (!write && problem(op, "409")) {
                missing.add(key + " documents 409 but appends nothing");
            }
        });
        assertThat(missing).as("refusals an operation can answer but does not document").isEmpty();
    }

    @Test
    void theRoleRulesOfTheSecurityConfigurationAreDocumentedAs403() {
        Map<String, Map<String, Object>> ops = operations(doc());
        assertThat(problem(ops.get("post /api/v1/organisations/{org}/budgets/{year}/realisations"), "403")).isTrue();
        assertThat(problem(ops.get("get /api/v1/audit/verify"), "403")).isTrue();
        assertThat(problem(ops.get("post /api/v1/users"), "403")).isTrue();
        assertThat(problem(ops.get("get /api/v1/organisations"), "403")).as("any signed-in user may list").isFalse();
        ResponseEntity<Map<String, Object>> anonymous = this.anonymous.exchange("/api/v1/organisations",
                HttpMethod.GET, null, JSON);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theApiProblemSchemaHasTheMembersTheLedgerAnswersWith() {
        Map<String, Object> schema = at(doc(), "components", "schemas", "ApiProblem");
        assertThat(schema).as("ApiProblem schema").isNotNull();
        Map<String, Object> properties = at(schema, "properties");
        assertThat(properties).containsOnlyKeys("type", "title", "status", "detail", "instance", "code", "details");
        assertThat(schema.get("description").toString()).contains("RFC 7807");
        Map<String, Object> example = at(schema, "example");
        assertThat(example).containsKeys("type", "title", "status", "detail", "code", "details");
        assertThat(example.get("detail").toString()).contains("hanya").contains("organisasi");

        ResponseEntity<Map<String, Object>> malformed = get(
                "/api/v1/organisations/kec-openapi/reports/budget-realisation?year=dua-ribu");
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(malformed.getBody()).containsKeys("type", "title", "status", "detail", "code", "details");
        assertThat(properties).as("members of a real 400").containsKeys(malformed.getBody().keySet().toArray(String[]::new));

        ResponseEntity<Map<String, Object>> unauthenticated = anonymous.exchange("/api/v1/users", HttpMethod.GET, null,
                JSON);
        assertThat(unauthenticated.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(properties).as("members of a real 401")
                .containsKeys(unauthenticated.getBody().keySet().toArray(String[]::new));
    }

    @Test
    void creationsDocumentTheStatusTheyAnswer() {
        Map<String, Map<String, Object>> ops = operations(doc());
        for (String created : List.of("post /api/v1/organisations/{org}/budgets/{year}",
                "post /api/v1/organisations/{org}/budgets/{year}/amendments",
                "post /api/v1/organisations/{org}/budgets/{year}/realisations",
                "post /api/v1/organisations/{org}/budgets/{year}/realisations/{entryId}/reversal",
                "post /api/v1/organisations/{org}/plans",
                "post /api/v1/organisations/{org}/indicators/{id}/surveys",
                "post /api/v1/organisations/{org}/indicators/{id}/sakip-evaluations",
                "post /api/v1/users")) {
            assertThat(at(ops.get(created), "responses")).as(created).containsKey("201").doesNotContainKey("200");
            assertThat(at(ops.get(created), "responses", "201", "content", "application/json", "schema"))
                    .as(created + " 201 body").isNotNull();
        }
        for (String imported : List.of("post /api/v1/imports/lkjip", "post /api/v1/imports/dpa")) {
            assertThat(at(ops.get(imported), "responses")).as(imported).containsKeys("201", "200");
        }
        assertThat(at(ops.get("post /api/v1/admin/rebuilds"), "responses")).containsKey("202")
                .doesNotContainKey("200");
        assertThat(at(ops.get("post /api/v1/organisations/{org}/budgets/{year}/closing"), "responses"))
                .containsKey("200").doesNotContainKey("201");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDocumented201IsWhatTheLedgerAnswers() {
        Map<String, Map<String, Object>> ops = operations(doc());
        assertThat(at(ops.get("post /api/v1/organisations/{org}/budgets/{year}"), "responses")).containsKey("201");
        ResponseEntity<Map<String, Object>> adopted = post("/api/v1/organisations/kec-openapi-201/budgets/2024",
                oneLineBudget());
        assertThat(adopted.getStatusCode().value()).isEqualTo(201);

        assertThat(at(ops.get("post /api/v1/organisations/{org}/budgets/{year}/realisations"), "responses"))
                .containsKey("201");
        ResponseEntity<Map<String, Object>> recorded = post(
                "/api/v1/organisations/kec-openapi-201/budgets/2024/realisations",
                Map.of("lineId", "1", "amount", 250_000, "date", "2024-03-11", "document", "SP2D-0001/2024"));
        assertThat(recorded.getStatusCode().value()).isEqualTo(201);
        Map<String, Object> documented = at(ops.get("post /api/v1/organisations/{org}/budgets/{year}/realisations"),
                "responses", "201", "content", "application/json", "schema");
        String ref = documented.get("$ref").toString();
        Map<String, Object> receipt = at(doc(), "components", "schemas", ref.substring(ref.lastIndexOf('/') + 1),
                "properties");
        assertThat(receipt).as("the documented body of the 201").containsKeys(
                recorded.getBody().keySet().toArray(String[]::new));

        ResponseEntity<Map<String, Object>> again = post("/api/v1/organisations/kec-openapi-201/budgets/2024",
                oneLineBudget());
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(problem(ops.get("post /api/v1/organisations/{org}/budgets/{year}"), "409")).isTrue();
        assertThat(((Map<String, Object>) again.getBody())).containsEntry("status", 409);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMainAnswersComeWithAnExampleOfTheirOwnFields() {
        Map<String, Object> schemas = at(doc(), "components", "schemas");
        for (String name : List.of("BudgetRealisationReport", "RealisationReceipt", "AchievementReport",
                "ReconciliationReport", "KabupatenSummary", "AuditEvent")) {
            Map<String, Object> schema = (Map<String, Object>) schemas.get(name);
            assertThat(schema).as(name).isNotNull();
            assertThat(schema.get("example")).as(name + " example").isInstanceOf(Map.class);
            assertThat(at(schema, "properties")).as(name + " has every field of its example")
                    .containsKeys(((Map<String, Object>) schema.get("example")).keySet().toArray(String[]::new));
        }
        Map<String, Object> total = at(schemas, "BudgetRealisationReport", "example", "total");
        assertThat(total.get("budget")).as("money is whole rupiah").isInstanceOf(Number.class);
        assertThat(((Number) total.get("budget")).longValue()).isEqualTo(1_923_000_000L);
        assertThat(new java.math.BigDecimal(total.get("absorptionPercent").toString()).scale()).isLessThanOrEqualTo(2);
    }
}
