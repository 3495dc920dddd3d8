package id.sakip.ledger.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.sakip.ledger.LedgerApiTest;

/**
 * Docker does not run here, so the deployment files are checked against the application itself:
 * every property and environment variable they set exists, every port and path they use is served,
 * and every metric the dashboard plots is exported.
 */
class OpsFilesTest extends LedgerApiTest {

    private static final Path OPS = Path.of("ops");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws Exception {
        return new Yaml().load(Files.readString(file));
    }

    private static void flatten(String prefix, Object node, Set<String> keys) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, keys));
        } else {
            keys.add(prefix);
        }
    }

    /** The application's properties (application.yml and the ledger properties record) and their env names. */
    private static Set<String> knownEnvironment(Set<String> properties) throws Exception {
        String config = Files.readString(Path.of("src/main/resources/application.yml"));
        Set<String> env = new HashSet<>();
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z_]+):").matcher(config);
        while (placeholder.find()) {
            env.add(placeholder.group(1));
        }
        for (String p : properties) {
            env.add(p.toUpperCase().replace('.', '_').replace("-", ""));
            env.add(p.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        return env;
    }

    private static Set<String> knownProperties() throws Exception {
        Set<String> keys = new HashSet<>();
        flatten("", yaml(Path.of("src/main/resources/application.yml")), keys);
        keys.addAll(List.of("ledger.mongo.database", "ledger.mongo.embedded-host", "ledger.mongo.embedded-port",
                "ledger.mongo.claim-timeout", "ledger.mode", "server.port", "ledger.signing.key-file",
                "ledger.signing.checkpoint-file", "ledger.signing.every-commits", "ledger.signing.every",
                "ledger.integrity.verify-interval", "ledger.read.max-wait"));
        return keys;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theComposeFileSetsOnlyRealPropertiesAndUsesTheServedPortAndProbe() throws Exception {
        Map<String, Object> compose = yaml(OPS.resolve("docker-compose.yml"));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).containsKeys("mongo1", "mongo2", "mongo3", "mongo-init", "ledger-a", "ledger-b",
                "prometheus", "grafana");
        Set<String> env = knownEnvironment(knownProperties());
        for (String name : List.of("ledger-a", "ledger-b")) {
            Map<String, Object> ledger = (Map<String, Object>) services.get(name);
            Map<String, Object> environment = (Map<String, Object>) ledger.get("environment");
            assertThat(environment.keySet()).as("%s sets only variables the ledger reads", name).isSubsetOf(env);
            assertThat(environment.get("LEDGER_MONGO_URI").toString()).contains("replicaSet=rs0");
            assertThat(environment.get("PORT")).isEqualTo("8080");
            assertThat((List<String>) ledger.get("ports")).allSatisfy(p -> assertThat(p).endsWith(":8080"));
            String probe = String.join(" ", (List<String>) ((Map<String, Object>) ledger.get("healthcheck"))
                    .get("test"));
            assertThat(probe).contains("/actuator/health/readiness");
            assertThat(String.join(" ", (List<String>) ledger.get("command")))
                    .as("%s runs with the JVM options the pom and the benchmark use", name)
                    .contains(id.sakip.ledger.bench.LedgerBenchmark.JVM_ARGS);
        }
        String pom = java.nio.file.Files.readString(Path.of("pom.xml"));
        assertThat(pom).contains("<ledger.jvm.args>" + id.sakip.ledger.bench.LedgerBenchmark.JVM_ARGS
                + "</ledger.jvm.args>");
        assertThat(anonymous.getForEntity("/actuator/health/readiness", String.class).getStatusCode().value())
                .isEqualTo(200);
        assertThat(anonymous.getForEntity("/actuator/health/liveness", String.class).getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesTheServedPathWithCredentials() throws Exception {
        Map<String, Object> config = yaml(OPS.resolve("prometheus/prometheus.yml"));
        Map<String, Object> job = ((List<Map<String, Object>>) config.get("scrape_configs")).get(0);
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        assertThat((Map<String, Object>) job.get("basic_auth")).containsKeys("username", "password_file");
        List<String> targets = (List<String>) ((List<Map<String, Object>>) job.get("static_configs")).get(0)
                .get("targets");
        assertThat(targets).allSatisfy(t -> assertThat(t).endsWith(":8080"));
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void everyMetricTheDashboardPlotsIsExported() throws Exception {
        post("/api/v1/organisations/kec-metrics/budgets/2025", Map.of("fund", "APBD", "programs", List.of(Map.of(
                "number", 1, "name", "P", "activities", List.of(Map.of("number", 1, "name", "K", "objective", "S1",
                        "lines", List.of(Map.of("lineId", "1", "number", 1, "name", "L", "economicClass", "modal",
                                "amount", 10)))))))).getStatusCode();
        post("/api/v1/organisations/kec-metrics/budgets/2025/realisations", Map.of("lineId", "1", "amount", 5,
                "date", "2025-01-02", "document", "A"));
        post("/api/v1/organisations/kec-metrics/budgets/2025/realisations", Map.of("lineId", "1", "amount", 50,
                "date", "2025-01-02", "document", "B"));
        http.getForObject("/api/v1/audit/verify", String.class);
        http.postForEntity("/api/v1/admin/rebuilds", Map.of("processors", List.of("organisations")), String.class);
        awaitProjections();
        String exported = http.getForObject("/actuator/prometheus", String.class);
        Set<String> names = new HashSet<>();
        for (String line : exported.split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                names.add(line.split("[{ ]")[0]);
            }
        }
        JsonNode dashboard = new ObjectMapper().readTree(OPS.resolve("grafana/dashboards/ledger.json").toFile());
        Pattern metric = Pattern.compile("\\b([a-z_]+_(total|sum|count|bucket|bytes|lag|progress|head)|[a-z]+_[a-z_]+)\\b");
        Set<String> plotted = new HashSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                Matcher m = metric.matcher(target.get("expr").asText());
                while (m.find()) {
                    String name = m.group(1);
                    if (name.startsWith("ledger_") || name.startsWith("http_") || name.startsWith("jvm_")) {
                        plotted.add(name);
                    }
                }
            }
        }
        assertThat(plotted).hasSizeGreaterThan(10);
        assertThat(names).as("metrics exported by the application").containsAll(plotted);
        assertThat(exported).contains("ledger_realisations_total{application=\"ledger\",outcome=\"rejected\","
                + "rule=\"BUDGET_CEILING_EXCEEDED\"}");
        for (String line : exported.split("\n")) {
            if (line.startsWith("ledger_") || line.startsWith("http_server_")) {
                assertThat(line).as("no ids in tags").doesNotContain("kec-metrics");
            }
        }
    }

    @Test
    void theRunbookNamesOnlyRealProperties() throws Exception {
        Set<String> properties = knownProperties();
        Matcher m = Pattern.compile("`(ledger\\.[a-z.-]+)`").matcher(Files.readString(OPS.resolve("README.md")));
        int found = 0;
        while (m.find()) {
            if (m.group(1).matches(".*\\.(db|jar)")) {
                continue;
            }
            assertThat(properties).as("runbook property").contains(m.group(1));
            found++;
        }
        assertThat(found).isGreaterThan(4);
        assertThat(Files.readString(OPS.resolve("README.md"))).contains("First deployment", "Adding an instance",
                "Backup", "Restore", "Upgrading with upcasters", "Rotating the bootstrap password");
    }
}
