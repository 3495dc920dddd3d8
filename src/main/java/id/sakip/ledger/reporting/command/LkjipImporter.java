package id.sakip.ledger.reporting.command;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import id.sakip.ledger.budget.api.AdoptBudget;
import id.sakip.ledger.budget.api.BudgetAdopted;
import id.sakip.ledger.budget.api.BudgetId;
import id.sakip.ledger.budget.api.RecordRealisation;
import id.sakip.ledger.budget.api.RecordRealisations;
import id.sakip.ledger.eventstore.CommitLog;
import id.sakip.ledger.eventstore.LedgerEventStorageEngine;
import id.sakip.ledger.organisation.api.KabupatenId;
import id.sakip.ledger.organisation.api.OrganisationRegistered;
import id.sakip.ledger.organisation.api.RegisterOrganisation;
import id.sakip.ledger.organisation.api.SignatoryChanged;
import id.sakip.ledger.reporting.command.LkjipDocument.BudgetPart;
import id.sakip.ledger.reporting.command.LkjipDocument.ImportedRealisation;
import id.sakip.ledger.shared.LedgerClock;
import id.sakip.ledger.shared.RuleViolation;
import id.sakip.ledger.eventstore.metadata.LedgerCommands;

/**
 * Records an LKjIP data file as events: the organisation, its budget with year-end realisations,
 * and the parts other modules take ({@link ImportStep}s). A new organisation is registered by the file's
 * first import, by a planner of it or of the kabupaten the file names. The whole file is validated before
 * anything is recorded, and all of it is recorded in one commit or not at all; importing the same
 * file again appends nothing and says so.
 */
@Service
public class LkjipImporter {

    private static final Logger log = LoggerFactory.getLogger(LkjipImporter.class);

    private final LedgerCommands commands;
    private final LedgerEventStorageEngine events;
    private final Clock clock;
    private final List<ImportStep> steps;
    private final id.sakip.ledger.shared.OrganisationAccess access;

    public LkjipImporter(LedgerCommands commands, LedgerEventStorageEngine events, Clock clock,
                         List<ImportStep> steps, id.sakip.ledger.shared.OrganisationAccess access) {
        this.access = access;
        this.commands = commands;
        this.events = events;
        this.clock = clock;
        this.steps = steps;
    }

    /** A part of the file that another module records (e.g. the strategic plan). */
    public interface ImportStep {
        /** Aggregates this step writes to, to count what it appended. */
        List<String> aggregateIds(LkjipDocument document);

        /** Refuses the import before anything is recorded when this part conflicts with the ledger. */
        void check(LkjipDocument document);

        /** Sends this part's commands; they run in the import's unit of work and are committed with it. */
        void record(LkjipDocument document, LedgerCommands commands, String correlationId);

        /** Figures for the preview. */
        Map<String, Object> summary(LkjipDocument document);

        /** What this step records, in words for the progress display. */
        default String label() {
            return getClass().getSimpleName();
        }
    }

    /** Where a running import stands: a phase in words and commands sent of those planned. */
    public interface Progress {
        Progress NONE = (phase, done, total) -> {
        };

        void at(String phase, int done, int total);
    }

    /** The answer to an import or its preview. */
    public record ImportResult(String organisationId, Integer fiscalYear, String digest, boolean dryRun,
                               boolean alreadyImported, long eventsAppended, String message,
                               Map<String, Object> summary) {
    }

    /** The file conflicts with what the ledger already holds. */
    public static final class ImportConflict extends RuleViolation {
        public ImportConflict(String message) {
            super("IMPORT_CONFLICT", Kind.RULE, message, Map.of());
        }
    }

    /** The file would record more than fits in one commit, so it is refused whole. */
    public static final class ImportTooLarge extends RuleViolation {
        public ImportTooLarge(CommitLog.CommitTooLarge cause) {
            super("IMPORT_TOO_LARGE", Kind.INVALID, "The file would record " + cause.events() + " events, about "
                    + cause.bytes() / (1 << 20) + " MB, and an import is recorded as one commit of at most "
                    + CommitLog.MAX_COMMIT_BYTES / (1 << 20) + " MB; split it, e.g. into one file per fiscal year",
                    Map.of("events", cause.events(), "megabytes", cause.bytes() / (1 << 20),
                            "limitMegabytes", CommitLog.MAX_COMMIT_BYTES / (1 << 20)));
        }
    }

    public static String source(LkjipDocument document) {
        return "lkjip-import sha256:" + document.digest();
    }

    /**
     * Where an imported budget comes from: the {@code source} its adoption records, and the prefix of the
     * ids of its realisation entries, both fixed by the content imported so that importing it again is
     * recognised.
     */
    public record BudgetOrigin(String source, String entryIdPrefix) {

        /** The origin of an LKjIP file's budget. */
        public static BudgetOrigin of(LkjipDocument document) {
            return new BudgetOrigin(LkjipImporter.source(document), "lkjip-" + document.digest().substring(0, 16));
        }
    }

    public LkjipDocument parse(byte[] bytes) {
        return LkjipParser.parse(bytes, LedgerClock.today(clock));
    }

    public ImportResult importFile(byte[] bytes, boolean dryRun, String correlationId) {
        return importFile(bytes, dryRun, correlationId, Progress.NONE);
    }

    public ImportResult importFile(byte[] bytes, boolean dryRun, String correlationId, Progress progress) {
        progress.at("Memeriksa berkas", 0, 0);
        LkjipDocument document = parse(bytes);
        return importDocument(document, BudgetOrigin.of(document), dryRun, correlationId, progress);
    }

    /**
     * Imports a validated document through the same path as a file: every check first, then all of it in
     * one unit of work, or, when it was already imported, nothing.
     */
    public ImportResult importDocument(LkjipDocument document, BudgetOrigin origin, boolean dryRun,
                                       String correlationId, Progress progress) {
        String org = document.organisation().id();
        KabupatenId kabupaten = KabupatenId.of(document.organisation().kabupaten());
        String kabupatenId = kabupaten == null ? null : kabupaten.value();
        access.requireToRecord(org, kabupatenId, "PLANNER");
        BudgetPart budget = document.budget();
        checkBudget(document, origin);
        steps.forEach(s -> s.check(document));
        List<String> aggregates = aggregateIds(document);
        Map<String, Long> before = new LinkedHashMap<>();
        aggregates.forEach(a -> before.put(a, lastSequence(a)));
        boolean complete = before.values().stream().allMatch(v -> v >= 0) && isCompletelyRecorded(document);
        Map<String, Object> summary = summary(document);
        if (before.get(org) >= 0) {
            summary.putAll(signatoryKept(document.organisation()));
        }
        if (dryRun) {
            return new ImportResult(org, budget == null ? null : budget.fiscalYear(), document.digest(), true,
                    complete, 0, complete ? "This file was already imported: nothing would be recorded"
                    : before.values().stream().anyMatch(v -> v >= 0)
                    ? "Preview: part of this file is already recorded; importing records the rest"
                    : "Preview: nothing has been recorded yet", summary);
        }
        if (complete) {
            return new ImportResult(org, budget == null ? null : budget.fiscalYear(), document.digest(), false,
                    true, 0, "This file was already imported: nothing was appended", summary);
        }
        int realisationCount = budget == null ? 0 : budget.realisations().values().stream().mapToInt(List::size).sum();
        int total = 3 + realisationCount + steps.size();
        log.info("Importing {} ({}): {} realisations and {} steps in one unit of work", org, document.digest(),
                realisationCount, steps.size());
        if (before.get(org) < 0) {
            access.whileRegistering(org, kabupatenId, () -> recordAtomically(document, origin, before,
                    correlationId, progress, realisationCount, total));
        } else {
            recordAtomically(document, origin, before, correlationId, progress, realisationCount, total);
        }
        progress.at("Selesai", total, total);
        long appended = 0;
        for (String a : aggregates) {
            appended += lastSequence(a) - before.get(a);
        }
        String message = appended == 0 ? "This file was already imported: nothing was appended"
                : "Imported: " + appended + " events recorded";
        return new ImportResult(org, budget == null ? null : budget.fiscalYear(), document.digest(), false,
                appended == 0, appended, message, summary);
    }

    /**
     * Sends every command of the file in one unit of work, the realisations of the budget as one command that
     * decides each of them by the rules of a single one: the aggregates still decide each one, but their
     * events are appended together as one commit when the unit commits, so a failure or a crash before
     * that leaves nothing, and a concurrent change of the same aggregates refuses the whole file.
     */
    private void recordAtomically(LkjipDocument document, BudgetOrigin origin, Map<String, Long> before,
                                  String correlationId, Progress progress, int realisationCount, int total) {
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(new GenericMessage<>(origin.source()));
        try {
            sendAll(document, origin, before, correlationId, progress, realisationCount, total);
        } catch (RuntimeException | Error failed) {
            unit.rollback(failed);
            throw failed;
        }
        progress.at("Menyimpan semua catatan sekaligus", total - 1, total);
        try {
            unit.commit();
        } catch (RuntimeException failed) {
            for (Throwable t = failed; t != null; t = t.getCause()) {
                if (t instanceof CommitLog.CommitTooLarge tooLarge) {
                    throw new ImportTooLarge(tooLarge);
                }
            }
            throw failed;
        }
    }

    private void sendAll(LkjipDocument document, BudgetOrigin origin, Map<String, Long> before, String correlationId, Progress progress,
                         int realisationCount, int total) {
        String org = document.organisation().id();
        BudgetPart budget = document.budget();
        LedgerCommands.Context context = new LedgerCommands.Context(org, correlationId, null, null);
        int[] done = {0};
        progress.at("Mencatat organisasi", done[0], total);
        if (before.get(org) < 0) {
            var o = document.organisation();
            commands.send(new RegisterOrganisation(org, o.name(), o.kabupaten(), o.provinsi(), o.head(),
                    o.villages(), o.headName(), o.headNip(), o.reportPlace()), context);
        }
        done[0]++;
        progress.at("Mencatat DPA", done[0], total);
        if (budget != null) {
            String budgetId = BudgetId.of(org, budget.fiscalYear());
            if (before.get(budgetId) < 0) {
                commands.send(new AdoptBudget(org, budget.fiscalYear(), budget.fund(), "DPA " + budget.fiscalYear(),
                        null, origin.source(), budget.programs()), context);
            }
            List<RecordRealisations.Entry> entries = new ArrayList<>(realisationCount);
            budget.realisations().forEach((lineId, imported) -> {
                for (int i = 0; i < imported.size(); i++) {
                    ImportedRealisation r = imported.get(i);
                    String entryId = origin.entryIdPrefix() + "-" + lineId + "-" + (i + 1);
                    RecordRealisation realisation = new RecordRealisation(org, budget.fiscalYear(), entryId, lineId,
                            r.amount(), r.date(), r.document(), r.description());
                    entries.add(new RecordRealisations.Entry(realisation, entryId, commands.fingerprint(realisation)));
                }
            });
            progress.at("Mencatat realisasi anggaran", done[0], total);
            if (!entries.isEmpty()) {
                commands.send(new RecordRealisations(org, budget.fiscalYear(), entries), context);
            }
        }
        done[0] = 2 + realisationCount;
        for (ImportStep step : steps) {
            progress.at("Mencatat " + step.label(), done[0], total);
            step.record(document, commands, correlationId);
            done[0]++;
        }
    }

    private List<String> aggregateIds(LkjipDocument document) {
        List<String> ids = new ArrayList<>();
        ids.add(document.organisation().id());
        if (document.budget() != null) {
            ids.add(BudgetId.of(document.organisation().id(), document.budget().fiscalYear()));
        }
        steps.forEach(s -> ids.addAll(s.aggregateIds(document)));
        return ids;
    }

    private boolean isCompletelyRecorded(LkjipDocument document) {
        if (document.budget() == null) {
            return true;
        }
        long expected = document.budget().realisations().values().stream().mapToLong(List::size).sum() + 1;
        return lastSequence(BudgetId.of(document.organisation().id(), document.budget().fiscalYear())) + 1 >= expected;
    }

    private void checkBudget(LkjipDocument document, BudgetOrigin origin) {
        if (document.budget() == null) {
            return;
        }
        String budgetId = BudgetId.of(document.organisation().id(), document.budget().fiscalYear());
        var stream = events.readEvents(budgetId, 0);
        if (stream.hasNext()) {
            DomainEventMessage<?> first = stream.next();
            if (first.getPayload() instanceof BudgetAdopted adopted && !origin.source().equals(adopted.source())) {
                throw new ImportConflict("The " + document.budget().fiscalYear() + " budget of "
                        + document.organisation().id() + " was already adopted from another source ("
                        + (adopted.source() == null ? "entered directly" : adopted.source())
                        + "); amend it instead of importing a different file");
            }
        }
    }

    /**
     * For an organisation already in the ledger, whose signer the file does not change: when the file names
     * another head than the one recorded, the two names ({@code signatoryInFile}, {@code signatoryKept}), so
     * that the import says it kept the ledger's signer; a new head is recorded with a reason and a legal basis
     * ({@code ChangeSignatory}), which a file does not carry. Empty when the file names none or the same one.
     */
    private Map<String, Object> signatoryKept(LkjipDocument.OrganisationPart inFile) {
        String fileName = stripped(inFile.headName());
        String fileNip = stripped(inFile.headNip());
        if (fileName == null && fileNip == null) {
            return Map.of();
        }
        String[] recorded = {null, null};
        var stream = events.readEvents(inFile.id(), 0);
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof OrganisationRegistered r) {
                recorded[0] = r.headName();
                recorded[1] = r.headNip();
            } else if (payload instanceof SignatoryChanged c) {
                recorded[0] = c.headName();
                recorded[1] = c.headNip();
            }
        }
        boolean same = (fileName == null || fileName.equals(recorded[0]))
                && (fileNip == null || fileNip.equals(recorded[1]));
        if (same) {
            return Map.of();
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("signatoryInFile", fileName == null ? "NIP " + fileNip : fileName);
        if (recorded[0] != null) {
            kept.put("signatoryKept", recorded[0]);
        }
        return kept;
    }

    private static String stripped(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private long lastSequence(String aggregateId) {
        return events.lastSequenceNumberFor(aggregateId).orElse(-1L);
    }

    private Map<String, Object> summary(LkjipDocument document) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("organisation", document.organisation().name());
        if (document.budget() != null) {
            BudgetPart b = document.budget();
            long total = b.programs().stream().flatMap(p -> p.activities().stream())
                    .flatMap(a -> a.lines().stream()).mapToLong(l -> l.amount().value()).sum();
            long realised = b.realisations().values().stream().flatMap(List::stream)
                    .mapToLong(r -> r.amount().value()).sum();
            s.put("fiscalYear", b.fiscalYear());
            s.put("programs", b.programs().size());
            s.put("lines", b.lineCount());
            s.put("budgetTotal", total);
            s.put("realisedTotal", realised);
            s.put("realisationEntries", b.realisations().values().stream().mapToInt(List::size).sum());
        }
        steps.forEach(step -> s.putAll(step.summary(document)));
        s.put("printedSection", !document.printed().isEmpty());
        return s;
    }
}
