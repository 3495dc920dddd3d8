package id.sakip.ledger.reporting;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.mongodb.client.MongoDatabase;

import id.sakip.ledger.LedgerApiTest;
import id.sakip.ledger.budget.api.BudgetId;
import id.sakip.ledger.eventstore.CommitLog;
import id.sakip.ledger.eventstore.LedgerEventStorageEngine;
import id.sakip.ledger.eventstore.StoredCommit;
import id.sakip.ledger.eventstore.metadata.LedgerCommands;
import id.sakip.ledger.reporting.command.LkjipDocument;
import id.sakip.ledger.reporting.command.LkjipImporter;
import id.sakip.ledger.reporting.command.PlanImportStep;
import id.sakip.ledger.shared.OrganisationAccess;

/**
 * An import is all or nothing: a file of 2 000 lines and 4 000 realisations is recorded as one commit,
 * a failure after most of it was handled leaves no trace, and importing it again records nothing.
 */
class ImportAtomicityTest extends LedgerApiTest {

    private static final int LINES = 2_000;
    private static final int PER_LINE = 2;

    @Autowired
    LedgerCommands commands;
    @Autowired
    LedgerEventStorageEngine engine;
    @Autowired
    CommitLog log;
    @Autowired
    Clock ledgerClock;
    @Autowired
    PlanImportStep planStep;
    @Autowired
    MongoDatabase database;
    @Autowired
    org.axonframework.commandhandling.CommandBus commandBus;

    /** A step after the budget that fails, as a crash or a refused command would half-way through. */
    private static final class FailingStep implements LkjipImporter.ImportStep {
        @Override
        public List<String> aggregateIds(LkjipDocument document) {
            return List.of();
        }

        @Override
        public void check(LkjipDocument document) {
        }

        @Override
        public void record(LkjipDocument document, LedgerCommands commands, String correlationId) {
            throw new IllegalStateException("injected failure after the budget's realisations");
        }

        @Override
        public Map<String, Object> summary(LkjipDocument document) {
            return Map.of();
        }
    }

    private static final OrganisationAccess EVERYONE = new OrganisationAccess() {
        @Override
        public void require(String organisationId, String role) {
        }

        @Override
        public boolean mayRead(String organisationId) {
            return true;
        }
    };

    private ResponseEntity<Map<String, Object>> importFile(byte[] yaml, boolean dryRun) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        return post("/api/v1/imports/lkjip" + (dryRun ? "?dryRun=true" : ""), yaml, headers);
    }

    private int commandsSentImporting(byte[] yaml) {
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        org.axonframework.common.Registration counting = commandBus.registerDispatchInterceptor(messages -> {
            return (index, message) -> {
                sent.incrementAndGet();
                return message;
            };
        });
        try {
            assertThat(importFile(yaml, false).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        } finally {
            counting.cancel();
        }
        return sent.get();
    }

    @Test
    void theCommandsAnImportSendsDoNotGrowWithItsRealisations() {
        int small = commandsSentImporting(LargeLkjipFile.yaml("dinas-perintah-kecil", 10, 1));
        int large = commandsSentImporting(LargeLkjipFile.yaml("dinas-perintah-besar", 100, 2));

        assertThat(large).as("commands for 200 realisations, against %d for 10", small).isEqualTo(small);
    }

    @Test
    void aFailureAfterTheRealisationsLeavesNoTraceOfTheImport() {
        String org = "dinas-gagal-impor";
        byte[] yaml = LargeLkjipFile.yaml(org, LINES, PER_LINE);
        LkjipImporter failing = new LkjipImporter(commands, engine, ledgerClock, List.of(planStep, new FailingStep()),
                EVERYONE);
        long head = log.headSequence();

        assertThatThrownBy(() -> failing.importFile(yaml, false, "failing-import"))
                .hasMessageContaining("injected failure");

        assertThat(log.headSequence()).as("events appended by the failed import").isEqualTo(head);
        assertThat(engine.lastSequenceNumberFor(org)).as("organisation recorded").isEmpty();
        assertThat(engine.lastSequenceNumberFor(BudgetId.of(org, LargeLkjipFile.YEAR))).as("budget recorded").isEmpty();
        assertThat(projections.awaitCaughtUp(Duration.ofSeconds(90))).as("projections caught up").isTrue();
        assertThat(http.getForObject("/api/v1/organisations", String.class)).doesNotContain(org);
        ResponseEntity<Map<String, Object>> preview = importFile(yaml, true);
        assertThat(preview.getBody()).containsEntry("alreadyImported", false)
                .containsEntry("message", "Preview: nothing has been recorded yet");

        ResponseEntity<Map<String, Object>> imported = importFile(yaml, false);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(((Number) imported.getBody().get("eventsAppended")).longValue())
                .isEqualTo(LargeLkjipFile.events(LINES, PER_LINE));
    }

    @Test
    void theDryRunOfAFilePartlyRecordedBeforeImportsWereAtomicSaysSoAndTheImportCompletesIt() {
        String org = "dinas-impor-sebagian";
        byte[] yaml = LargeLkjipFile.yaml(org, 10, 1);
        commands.send(new id.sakip.ledger.organisation.api.RegisterOrganisation(org, "Dinas Uji Impor " + org,
                "Blora", "Jawa Tengah", "Kepala Dinas", List.of()), new LedgerCommands.Context(org, null, null, null));

        assertThat(importFile(yaml, true).getBody()).containsEntry("alreadyImported", false)
                .containsEntry("message", "Preview: part of this file is already recorded; importing records the rest");
        assertThat(((Number) importFile(yaml, false).getBody().get("eventsAppended")).longValue())
                .isEqualTo(LargeLkjipFile.events(10, 1) - 1);
        assertThat(importFile(yaml, true).getBody()).containsEntry("alreadyImported", true);
    }

    @Test
    void aLargeFileIsOneCommitAndImportingItAgainRecordsNothing() {
        String org = "dinas-impor-besar";
        byte[] yaml = LargeLkjipFile.yaml(org, LINES, PER_LINE);
        long head = log.headSequence();

        long started = System.nanoTime();
        ResponseEntity<Map<String, Object>> imported = importFile(yaml, false);
        long millis = (System.nanoTime() - started) / 1_000_000;

        long expected = LargeLkjipFile.events(LINES, PER_LINE);
        assertThat(imported.getStatusCode()).as(String.valueOf(imported.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(((Number) imported.getBody().get("eventsAppended")).longValue()).isEqualTo(expected);
        assertThat(log.headSequence()).isEqualTo(head + expected);
        RawBsonDocument commit = database.getCollection(StoredCommit.COLLECTION, RawBsonDocument.class)
                .find(eq("_id", head + 1)).first();
        assertThat(commit).as("a commit starting right after the previous head").isNotNull();
        assertThat(commit.getNumber("last").longValue()).as("last event of that one commit")
                .isEqualTo(head + expected);
        int bytes = commit.getByteBuffer().remaining();
        assertThat(bytes).as("commit size, under MongoDB's 16 MB document limit with room").isLessThan(12 << 20);
        long caughtUp = System.nanoTime();
        assertThat(projections.awaitCaughtUp(Duration.ofSeconds(90))).as("projections caught up").isTrue();
        System.out.printf("import of %d lines, %d realisations: %d ms, %d events/s, one commit of %d bytes; "
                + "projections caught up %d ms later%n", LINES, LINES * PER_LINE, millis,
                expected * 1000 / Math.max(1, millis), bytes, (System.nanoTime() - caughtUp) / 1_000_000);
        Map<String, Object> report = get("/api/v1/organisations/" + org + "/reports/budget-realisation?year="
                + LargeLkjipFile.YEAR).getBody();
        @SuppressWarnings("unchecked")
        Map<String, Object> total = (Map<String, Object>) report.get("total");
        assertThat(((Number) total.get("realised")).longValue()).isEqualTo(LINES * PER_LINE * LargeLkjipFile.AMOUNT);

        ResponseEntity<Map<String, Object>> again = importFile(yaml, false);
        assertThat(again.getBody()).containsEntry("alreadyImported", true).containsEntry("eventsAppended", 0);
        assertThat(log.headSequence()).as("nothing appended by the second import").isEqualTo(head + expected);
        assertThat(importFile(yaml, true).getBody()).containsEntry("alreadyImported", true);
    }
}
