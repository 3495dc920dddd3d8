package id.sakip.ledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

import id.sakip.ledger.LedgerApiTest;
import id.sakip.ledger.eventstore.CommitLog;
import id.sakip.ledger.eventstore.MongoTokenStore;
import id.sakip.ledger.eventstore.projection.ProjectionRebuilds;

/** Read models rebuilt from the log equal the live ones, with progress shown, and reports stay available. */
class RebuildTest extends LedgerApiTest {

    @Autowired
    MongoDatabase database;
    @Autowired
    ProjectionRebuilds rebuilds;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    CommitLog log;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    id.sakip.ledger.eventstore.config.MongoConnection connection;
    @Autowired
    id.sakip.ledger.budget.query.BudgetQueries budgets;
    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper json;

    /** On the embedded store, a finished or refused rebuild no longer holds compaction off. */
    private void assertCompactionNotHeld() {
        if (connection.embedded() != null) {
            assertThat(connection.embedded().backend().compactionHeld()).as("compaction resumes after a rebuild")
                    .isFalse();
        }
    }

    /** A model's documents without the stamp that says which writer wrote them last. */
    private List<Document> all(String collection) {
        List<Document> documents = database.getCollection(collection).find().sort(Sorts.ascending("_id"))
                .into(new ArrayList<>());
        documents.forEach(d -> d.remove("_stamp"));
        return documents;
    }

    private void importJiken() {
        assertThat(postJikenImport().getStatusCode().is2xxSuccessful()).isTrue();
        awaitProjections();
    }

    @Test
    @SuppressWarnings("unchecked")
    void rebuiltReadModelsEqualTheLiveOnes() {
        importJiken();
        List<Document> budgets = all("budget_books");
        List<Document> plans = all("plan_books");
        List<Document> audit = all("audit_chunks");
        String report = http.getForObject("/api/v1/organisations/kec-jiken/reports/budget-realisation?year=2023",
                String.class);
        String table32 = http.getForObject("/api/v1/organisations/kec-jiken/reports/indicator-achievement?year=2023",
                String.class);

        ResponseEntity<List<Map<String, Object>>> started = http.exchange("/api/v1/admin/rebuilds",
                org.springframework.http.HttpMethod.POST, new org.springframework.http.HttpEntity<>(Map.of(
                        "processors", List.of("budget-books", "plan-books", "audit-index"))),
                new org.springframework.core.ParameterizedTypeReference<>() {
                });
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getBody()).extracting(s -> s.get("processor")).containsExactly("budget-books",
                "plan-books", "audit-index");
        assertThat(http.getForObject("/api/v1/organisations/kec-jiken/reports/budget-realisation?year=2023",
                String.class)).as("answered during the rebuild, from the log").isEqualTo(report);
        for (String p : List.of("budget-books", "plan-books", "audit-index")) {
            assertThat(rebuilds.awaitDone(p, Duration.ofSeconds(60))).isTrue();
        }
        awaitProjections();
        Map<String, Object> status = get("/api/v1/admin/rebuilds/budget-books").getBody();
        assertThat(status).containsEntry("state", "DONE").containsEntry("percent", 100.0);
        assertThat(((Number) status.get("eventsTotal")).longValue()).isPositive()
                .isLessThanOrEqualTo(log.headSequence());
        assertThat(all("budget_books")).isEqualTo(budgets);
        assertThat(all("plan_books")).isEqualTo(plans);
        assertThat(all("audit_chunks")).isEqualTo(audit);
        assertThat(http.getForObject("/api/v1/organisations/kec-jiken/reports/budget-realisation?year=2023",
                String.class)).isEqualTo(report);
        assertThat(http.getForObject("/api/v1/organisations/kec-jiken/reports/indicator-achievement?year=2023",
                String.class)).isEqualTo(table32);
        assertThat(get("/api/v1/admin/rebuilds/no-such-model").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aBudgetReportIsAnsweredFromTheLogWhileItsReadModelIsEmpty() throws Exception {
        importJiken();
        String report = http.getForObject("/api/v1/organisations/kec-jiken/reports/budget-realisation?year=2023",
                String.class);
        StreamingEventProcessor processor = processing.eventProcessor("budget-books", StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        try {
            processor.resetTokens();
            assertThat(database.getCollection("budget_books").countDocuments()).isZero();
            assertThat(json.readTree(json.writeValueAsString(budgets.realisation("kec-jiken", 2023, null, null))))
                    .isEqualTo(json.readTree(report));
            assertThat(http.getForEntity("/api/v1/organisations/kec-jiken/reports/budget-realisation?year=2023",
                    String.class).getStatusCode()).as("over HTTP a read waits for the stopped processor, then refuses")
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        } finally {
            processor.start();
        }
        awaitProjections();
        assertThat(http.getForObject("/api/v1/organisations/kec-jiken/reports/budget-realisation?year=2023",
                String.class)).isEqualTo(report);
    }

    @Test
    void eventsRecordedDuringARebuildReachTheModelsAfterIt() {
        importJiken();
        List<String> all = rebuilds.processors();
        List<ProjectionRebuilds.RebuildStatus> started = rebuilds.start(all);
        assertThat(started).extracting(ProjectionRebuilds.RebuildStatus::processor).containsExactlyElementsOf(all);
        Map<String, Object> budget = Map.of("fund", "APBD", "programs", List.of(Map.of("number", 1, "name", "P",
                "activities", List.of(Map.of("number", 1, "name", "K", "objective", "S1", "lines", List.of(
                        Map.of("lineId", "1", "number", 1, "name", "L", "economicClass", "modal", "amount",
                                1_000_000)))))));
        assertThat(post("/api/v1/organisations/kec-selama/budgets/2025", budget).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post("/api/v1/organisations/kec-selama/budgets/2025/realisations", Map.of("lineId", "1",
                "amount", 250_000, "date", "2025-03-01", "document", "SP2D-1")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        for (String p : all) {
            assertThat(rebuilds.awaitDone(p, Duration.ofSeconds(60))).isTrue();
            assertThat(rebuilds.status(p).state()).isEqualTo("DONE");
        }
        awaitProjections();
        List<Document> budgets = all("budget_books");
        List<Document> audit = all("audit_chunks");
        assertThat(budgets).extracting(d -> d.getString("_id")).anyMatch(id -> id.contains("kec-selama"));

        rebuilds.start(all);
        for (String p : all) {
            assertThat(rebuilds.awaitDone(p, Duration.ofSeconds(60))).isTrue();
        }
        awaitProjections();
        assertThat(all("budget_books")).as("live after a rebuild with writes = a quiet rebuild").isEqualTo(budgets);
        assertCompactionNotHeld();
        assertThat(all("audit_chunks")).isEqualTo(audit);
    }

    @Test
    void aRebuildLeavesAReadModelAnotherNodeHoldsUntouched() {
        importJiken();
        List<Document> budgets = all("budget_books");
        StreamingEventProcessor processor = processing.eventProcessor("budget-books", StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        MongoTokenStore otherNode = new MongoTokenStore(database, axon.serializer(), clock,
                Duration.ofMinutes(5), "other-node");
        otherNode.fetchToken("budget-books", 0);
        try {
            rebuilds.start("budget-books");
            assertThat(rebuilds.awaitDone("budget-books", Duration.ofSeconds(30))).isTrue();
            assertThat(rebuilds.status("budget-books").state()).isEqualTo("FAILED");
            assertThat(all("budget_books")).isEqualTo(budgets);
            assertCompactionNotHeld();
        } finally {
            otherNode.releaseClaim("budget-books", 0);
        }
        awaitProjections();
        assertThat(processor.isRunning()).as("started again after the refused rebuild").isTrue();
        org.awaitility.Awaitility.await("this node takes back the segment the other node released")
                .atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> database.getCollection("tokens").find(new Document("_id", "budget-books#0")).first()
                        .getString("owner"), owner -> owner != null && !owner.equals("other-node"));
    }
}
