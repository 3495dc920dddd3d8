package id.sakip.ledger.reporting.command;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Service;

import id.sakip.ledger.budget.api.BudgetActivity;
import id.sakip.ledger.budget.api.BudgetAdopted;
import id.sakip.ledger.budget.api.BudgetId;
import id.sakip.ledger.budget.api.BudgetLine;
import id.sakip.ledger.budget.api.BudgetProgram;
import id.sakip.ledger.eventstore.LedgerEventStorageEngine;
import id.sakip.ledger.organisation.api.OrganisationRegistered;
import id.sakip.ledger.reporting.command.LkjipDocument.ImportedRealisation;
import id.sakip.ledger.reporting.command.LkjipDocument.OrganisationPart;
import id.sakip.ledger.reporting.command.LkjipImporter.BudgetOrigin;
import id.sakip.ledger.reporting.command.LkjipImporter.ImportResult;
import id.sakip.ledger.reporting.command.LkjipImporter.Progress;
import id.sakip.ledger.shared.InvalidValue;
import id.sakip.ledger.shared.LedgerClock;
import id.sakip.ledger.shared.OrganisationAccess;
import id.sakip.ledger.shared.UnknownItem;

/**
 * Imports a DPA workbook (XLSX: budget lines, and realisation entries on a second sheet) as the budget of
 * an organisation already in the ledger, through the LKjIP import's one-commit path: every problem is
 * listed before anything is recorded, and the same figures imported again record nothing.
 */
@Service
public class DpaImporter {

    private final LkjipImporter importer;
    private final LedgerEventStorageEngine events;
    private final OrganisationAccess access;
    private final Clock clock;

    public DpaImporter(LkjipImporter importer, LedgerEventStorageEngine events, OrganisationAccess access,
                       Clock clock) {
        this.importer = importer;
        this.events = events;
        this.access = access;
        this.clock = clock;
    }

    /** The organisation named by the import is not in the ledger. */
    public static final class UnknownOrganisation extends UnknownItem {
        public UnknownOrganisation(String organisationId) {
            super("UNKNOWN_ORGANISATION", "Organisasi '" + organisationId + "' belum terdaftar di buku besar; "
                    + "impor dulu berkas LKjIP-nya atau daftarkan organisasinya", Map.of("organisationId",
                    organisationId));
        }
    }

    public ImportResult importWorkbook(String organisationId, int fiscalYear, byte[] workbook, boolean dryRun,
                                       String correlationId) {
        return importWorkbook(organisationId, fiscalYear, workbook, dryRun, correlationId, Progress.NONE);
    }

    public ImportResult importWorkbook(String organisationId, int fiscalYear, byte[] workbook, boolean dryRun,
                                       String correlationId, Progress progress) {
        if (fiscalYear < 2000 || fiscalYear > 2100) {
            throw new InvalidValue("INVALID_YEAR", "Tahun anggaran " + fiscalYear + " tidak masuk akal (2000–2100)",
                    Map.of("fiscalYear", fiscalYear));
        }
        access.require(organisationId, "PLANNER");
        OrganisationRegistered organisation = registered(organisationId);
        progress.at("Membaca buku kerja", 0, 0);
        List<WorkbookReader.Sheet> sheets;
        try {
            sheets = WorkbookReader.read(workbook);
        } catch (WorkbookReader.Unreadable e) {
            throw new DpaProblems(List.of(DpaProblems.Problem.of(null, null, null, e.getMessage())));
        }
        LocalDate today = LedgerClock.today(clock);
        DpaWorkbook read = DpaWorkbook.parse(sheets, organisationId, fiscalYear, today);
        BudgetOrigin origin = new BudgetOrigin("dpa-import sha256:" + read.digest(),
                "dpa-" + read.digest().substring(0, 16));
        refuseAnotherSource(organisationId, fiscalYear, origin);
        LkjipDocument document = new LkjipDocument(read.digest(), new OrganisationPart(organisationId,
                organisation.name(), organisation.kabupaten(), organisation.provinsi(), organisation.head(),
                organisation.villages(), null, organisation.headName(), organisation.headNip(),
                organisation.reportPlace()), read.budget(), null, java.util.List.of());
        ImportResult result = importer.importDocument(document, origin, dryRun, correlationId, progress);
        Map<String, Object> summary = new LinkedHashMap<>(result.summary());
        summary.remove("printedSection");
        summary.putAll(details(read));
        String message = result.alreadyImported()
                ? dryRun ? "Buku kerja ini sudah diimpor: tidak ada yang akan dicatat"
                : "Buku kerja ini sudah diimpor: tidak ada yang ditambahkan"
                : dryRun ? "Pratinjau: belum ada yang dicatat" : "Diimpor: " + result.eventsAppended()
                + " peristiwa dicatat dalam satu commit";
        return new ImportResult(result.organisationId(), result.fiscalYear(), result.digest(), result.dryRun(),
                result.alreadyImported(), result.eventsAppended(), message, summary);
    }

    private OrganisationRegistered registered(String organisationId) {
        var stream = events.readEvents(organisationId, 0);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof OrganisationRegistered r) {
                return r;
            }
        }
        throw new UnknownOrganisation(organisationId);
    }

    private void refuseAnotherSource(String organisationId, int fiscalYear, BudgetOrigin origin) {
        var stream = events.readEvents(BudgetId.of(organisationId, fiscalYear), 0);
        if (stream.hasNext()) {
            DomainEventMessage<?> first = stream.next();
            if (first.getPayload() instanceof BudgetAdopted adopted && !origin.source().equals(adopted.source())) {
                throw new LkjipImporter.ImportConflict("Anggaran " + fiscalYear + " " + organisationId
                        + " sudah ditetapkan dari sumber lain (" + (adopted.source() == null ? "dicatat langsung"
                        : adopted.source()) + "); ubah lewat perubahan anggaran, bukan dengan mengimpor buku kerja lain");
            }
        }
    }

    /** What the workbook would record, line by line and entry by entry, for the preview. */
    private static Map<String, Object> details(DpaWorkbook read) {
        List<Map<String, Object>> lines = new ArrayList<>();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (BudgetProgram p : read.budget().programs()) {
            for (BudgetActivity a : p.activities()) {
                for (BudgetLine l : a.lines()) {
                    List<ImportedRealisation> realisations = read.budget().realisations().get(l.lineId());
                    long realised = realisations.stream().mapToLong(r -> r.amount().value()).sum();
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("lineId", l.lineId());
                    line.put("number", l.number());
                    line.put("program", p.number());
                    line.put("programName", p.name());
                    line.put("activity", a.number());
                    line.put("activityName", a.name());
                    line.put("name", l.name());
                    line.put("economicClass", l.economicClass().code());
                    line.put("budget", l.amount().value());
                    line.put("realised", realised);
                    line.put("entries", realisations.size());
                    lines.add(line);
                    for (ImportedRealisation r : realisations) {
                        Map<String, Object> entry = new LinkedHashMap<>();
                        entry.put("lineId", l.lineId());
                        entry.put("date", r.date().toString());
                        entry.put("document", r.document());
                        entry.put("amount", r.amount().value());
                        entry.put("description", r.description());
                        entry.put("recap", read.recapLines().contains(l.lineId()));
                        entries.add(entry);
                    }
                }
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("activities", read.budget().programs().stream().mapToInt(p -> p.activities().size()).sum());
        details.put("recapEntries", read.recapLines().size());
        details.put("budgetLines", lines);
        details.put("realisations", entries);
        details.put("notes", read.notes());
        return details;
    }
}
