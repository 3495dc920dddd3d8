package id.sakip.ledger.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import id.sakip.ledger.LedgerApiTest;

/** Every schema of {@code /v3/api-docs} describes one type, and every request body comes with an example. */
class OpenApiSchemaTest extends LedgerApiTest {

    @SuppressWarnings("unchecked")
    private Map<String, Object> doc() {
        return get("/v3/api-docs").getBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> node, String... keys) {
        Map<String, Object> n = node;
        for (String k : keys) {
            n = (Map<String, Object>) n.get(k);
        }
        return n;
    }

    private Map<String, Object> bodySchema(Map<String, Object> doc, String path, String method) {
        String ref = at(doc, "paths", path, method, "requestBody", "content", "application/json", "schema")
                .get("$ref").toString();
        return at(doc, "components", "schemas", ref.substring(ref.lastIndexOf('/') + 1));
    }

    @Test
    void theBudgetRealisationBodyIsDocumentedWithItsOwnFields() {
        Map<String, Object> doc = doc();
        Map<String, Object> budget = bodySchema(doc, "/api/v1/organisations/{org}/budgets/{year}/realisations", "post");
        assertThat(at(budget, "properties")).containsOnlyKeys("lineId", "amount", "date", "document", "description");
        Map<String, Object> indicator = bodySchema(doc,
                "/api/v1/organisations/{org}/indicators/{id}/realisations/{year}", "put");
        assertThat(at(indicator, "properties")).containsKeys("value", "source", "evidence");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRequestBodyHasAnExample() {
        Map<String, Object> doc = doc();
        List<String> without = new ArrayList<>();
        for (Map.Entry<String, Object> path : at(doc, "paths").entrySet()) {
            for (Map.Entry<String, Object> op : ((Map<String, Object>) path.getValue()).entrySet()) {
                Map<String, Object> body = (Map<String, Object>) ((Map<String, Object>) op.getValue()).get("requestBody");
                Object json = body == null ? null : ((Map<String, Object>) body.get("content")).get("application/json");
                if (json == null) {
                    continue;
                }
                Object ref = ((Map<String, Object>) ((Map<String, Object>) json).get("schema")).get("$ref");
                if (ref == null) {
                    continue;
                }
                Map<String, Object> schema = at(doc, "components", "schemas",
                        ref.toString().substring(ref.toString().lastIndexOf('/') + 1));
                if (schema.get("example") == null) {
                    without.add(op.getKey() + " " + path.getKey());
                }
            }
        }
        assertThat(without).as("request bodies without an example").isEmpty();
    }

    @Test
    void noTwoOfTheLedgersTypesShareASchemaName() {
        Map<String, List<String>> byName = new HashMap<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("id.sakip.ledger")) {
            if (!c.isRecord()) {
                continue;
            }
            String name = c.tryGetAnnotationOfType(io.swagger.v3.oas.annotations.media.Schema.class)
                    .map(io.swagger.v3.oas.annotations.media.Schema::name).filter(n -> !n.isEmpty())
                    .orElse(c.getSimpleName());
            byName.computeIfAbsent(name, n -> new ArrayList<>()).add(c.getFullName());
        }
        Map<String, Object> schemas = at(doc(), "components", "schemas");
        Map<String, List<String>> shared = new HashMap<>();
        for (String name : schemas.keySet()) {
            List<String> types = byName.getOrDefault(name, List.of());
            if (types.size() > 1) {
                shared.put(name, types);
            }
        }
        assertThat(shared).as("schema names that stand for several types").isEmpty();
    }
}
