package id.sakip.ledger.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import id.sakip.ledger.LedgerApiTest;
import id.sakip.ledger.budget.api.AdoptBudget;
import id.sakip.ledger.budget.api.RecordRealisation;
import id.sakip.ledger.eventstore.LedgerEventStorageEngine;
import id.sakip.ledger.eventstore.metadata.LedgerCommands;
import id.sakip.ledger.organisation.api.RegisterOrganisation;
import id.sakip.ledger.reporting.LargeLkjipFile;
import id.sakip.ledger.reporting.command.LkjipDocument;
import id.sakip.ledger.reporting.command.LkjipImporter;

/**
 * A measurement, not a specification (run it alone with {@code -Dtest=ImportProfile}): imports files of 2 000
 * lines and 4 000 realisations, alternating the way imports sent one command per realisation with the
 * importer, in one application, and prints wall and CPU time of each; then one import through the API.
 */
class ImportProfile extends LedgerApiTest {

    @Autowired
    LedgerCommands commands;
    @Autowired
    LedgerEventStorageEngine engine;
    @Autowired
    Clock ledgerClock;
    @Autowired
    List<LkjipImporter.ImportStep> steps;

    private static final id.sakip.ledger.shared.OrganisationAccess EVERYONE = new id.sakip.ledger.shared.OrganisationAccess() {
        @Override
        public void require(String organisationId, String role) {
        }

        @Override
        public boolean mayRead(String organisationId) {
            return true;
        }
    };

    @Test
    void importsAlternatingOneCommandPerRealisationAndOneCommandForAll() {
        LkjipImporter importer = new LkjipImporter(commands, engine, ledgerClock, steps, EVERYONE);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int rounds = Integer.getInteger("rounds", 3);
        List<String> rows = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (boolean perRealisation : new boolean[] {true, false}) {
                String org = "profil-" + (perRealisation ? "lama" : "baru") + "-" + round;
                byte[] yaml = LargeLkjipFile.yaml(org, 2_000, 2);
                projections.awaitCaughtUp(Duration.ofSeconds(300));
                long wall = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime();
                long process = os.getProcessCpuTime();
                if (perRealisation) {
                    importPerRealisation(importer.parse(yaml));
                } else {
                    importer.importFile(yaml, false, "profile-" + org);
                }
                long wallMs = (System.nanoTime() - wall) / 1_000_000;
                long cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
                long processMs = (os.getProcessCpuTime() - process) / 1_000_000;
                projections.awaitCaughtUp(Duration.ofSeconds(300));
                long catchUpMs = (os.getProcessCpuTime() - process) / 1_000_000 - processMs;
                rows.add(String.format("round %d %-28s wall %6d ms  thread cpu %6d ms  process cpu %6d ms  "
                                + "projections cpu after %6d ms  %5d events/s (wall)", round,
                        perRealisation ? "one command per realisation" : "one command for all", wallMs, cpuMs,
                        processMs, catchUpMs, LargeLkjipFile.events(2_000, 2) * 1000 / Math.max(1, wallMs)));
            }
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        long wall = System.nanoTime();
        long process = os.getProcessCpuTime();
        var answer = post("/api/v1/imports/lkjip", LargeLkjipFile.yaml("profil-api", 2_000, 2), headers);
        long wallMs = (System.nanoTime() - wall) / 1_000_000;
        rows.add(String.format("through POST /api/v1/imports/lkjip: %s, wall %d ms, process cpu %d ms, %d events/s",
                answer.getStatusCode(), wallMs, (os.getProcessCpuTime() - process) / 1_000_000,
                LargeLkjipFile.events(2_000, 2) * 1000 / Math.max(1, wallMs)));
        rows.forEach(System.out::println);
    }

    /** How the importer sent the realisations before: one command each, in the same one unit of work. */
    private void importPerRealisation(LkjipDocument document) {
        LkjipImporter.BudgetOrigin origin = LkjipImporter.BudgetOrigin.of(document);
        String org = document.organisation().id();
        var budget = document.budget();
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(new GenericMessage<>(origin.source()));
        try {
            LedgerCommands.Context context = new LedgerCommands.Context(org, "profile", null, null);
            var o = document.organisation();
            commands.send(new RegisterOrganisation(org, o.name(), o.kabupaten(), o.provinsi(), o.head(), o.villages()),
                    context);
            commands.send(new AdoptBudget(org, budget.fiscalYear(), budget.fund(), "DPA " + budget.fiscalYear(), null,
                    origin.source(), budget.programs()), context);
            for (Map.Entry<String, List<LkjipDocument.ImportedRealisation>> line : budget.realisations().entrySet()) {
                for (int i = 0; i < line.getValue().size(); i++) {
                    LkjipDocument.ImportedRealisation r = line.getValue().get(i);
                    String entryId = origin.entryIdPrefix() + "-" + line.getKey() + "-" + (i + 1);
                    commands.send(new RecordRealisation(org, budget.fiscalYear(), entryId, line.getKey(), r.amount(),
                            r.date(), r.document(), r.description()),
                            new LedgerCommands.Context(org, "profile", entryId, null));
                }
            }
        } catch (RuntimeException e) {
            unit.rollback(e);
            throw e;
        }
        unit.commit();
    }
}
