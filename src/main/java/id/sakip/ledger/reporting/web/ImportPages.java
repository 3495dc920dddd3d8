package id.sakip.ledger.reporting.web;

import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

import id.sakip.ledger.organisation.query.OrganisationDirectory;
import id.sakip.ledger.reporting.command.DpaImporter;
import id.sakip.ledger.reporting.command.DpaProblems;
import id.sakip.ledger.reporting.command.LkjipImporter;
import id.sakip.ledger.reporting.command.LkjipImporter.ImportResult;
import id.sakip.ledger.reporting.command.LkjipParser;
import id.sakip.ledger.reporting.command.LkjipProblems;
import id.sakip.ledger.shared.AccessDenied;
import id.sakip.ledger.shared.RuleViolation;
import id.sakip.ledger.shared.web.IndonesianMessages;
import id.sakip.ledger.shared.web.LedgerIds;
import jakarta.servlet.http.HttpSession;

/**
 * The planner's import: upload an LKjIP YAML file, see what would be recorded, then record it and
 * follow its progress; or upload a DPA workbook (XLSX) for an organisation and year, see its lines,
 * entries or every problem, then record it. The file waits in the session between the preview and the
 * decision.
 */
@Controller
public class ImportPages {

    private static final String PENDING = "ledger.import.pending";
    private static final String PENDING_DPA = "ledger.import.pending-dpa";

    private final LkjipImporter importer;
    private final ImportJobs jobs;
    private final DpaImporter dpa;
    private final OrganisationDirectory organisations;
    private final java.time.Clock clock;

    public ImportPages(LkjipImporter importer, ImportJobs jobs, DpaImporter dpa, OrganisationDirectory organisations,
                       java.time.Clock clock) {
        this.importer = importer;
        this.jobs = jobs;
        this.dpa = dpa;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** A previewed DPA workbook waiting for the planner's decision. */
    record PendingWorkbook(String digest, String organisation, int year, byte[] bytes) {
    }

    /** A previewed file waiting for the planner's decision. */
    record Pending(String digest, String fileName, byte[] bytes) {
    }

    private static final Map<String, String> LABELS = Map.of(
            "renstra", "Renstra", "indicators", "Indikator kinerja", "targets", "Target tahunan",
            "indicatorRealisations", "Realisasi indikator", "printedSection", "Angka laporan tercetak (untuk rekonsiliasi)",
            "printedTables", "Tabel tercetak",
            "signatoryInFile", "Penandatangan dalam berkas (tidak dipakai: ganti lewat halaman Penandatangan)",
            "signatoryKept", "Penandatangan yang tetap tercatat");

    /** The preview figures not shown in their own rows, labelled in Bahasa Indonesia. */
    static Map<String, Object> extras(Map<String, Object> summary) {
        Map<String, Object> extras = new LinkedHashMap<>();
        summary.forEach((key, value) -> {
            if (!Set.of("organisation", "fiscalYear", "programs", "lines", "budgetTotal", "realisedTotal",
                    "realisationEntries").contains(key)) {
                extras.put(LABELS.getOrDefault(key, key), value instanceof Boolean b ? (b ? "ada" : "tidak ada")
                        : value instanceof java.util.Collection<?> tables ? String.join("; ", tables.stream()
                        .map(t -> ReconciliationLabels.tableName(String.valueOf(t))).toList()) : value);
            }
        });
        return extras;
    }

    @GetMapping("/impor")
    public String form(Model model) {
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("organisations", organisations.all());
        if (!model.containsAttribute("dpaYear")) {
            model.addAttribute("dpaYear", id.sakip.ledger.shared.LedgerClock.today(clock).getYear());
        }
        return "import";
    }

    @GetMapping("/impor/templat-dpa")
    @ResponseBody
    public ResponseEntity<byte[]> template(@RequestParam(required = false) Integer tahun) {
        return DpaImportController.download(DpaTemplate.workbook(tahun == null
                ? id.sakip.ledger.shared.LedgerClock.today(clock).getYear() : tahun));
    }

    @PostMapping("/impor/dpa/pratinjau")
    public String previewWorkbook(@RequestParam("file") MultipartFile file, @RequestParam String organisasi,
                                  @RequestParam int tahun, HttpSession session, Model model) throws IOException {
        session.removeAttribute(PENDING_DPA);
        model.addAttribute("dpaOrganisation", organisasi);
        model.addAttribute("dpaYear", tahun);
        if (file.isEmpty()) {
            model.addAttribute("dpaError", "Pilih buku kerja DPA (.xlsx) terlebih dahulu.");
            return page(model);
        }
        byte[] bytes = ImportController.readBounded(file.getInputStream(), LkjipParser.MAX_BYTES);
        model.addAttribute("fileName", file.getOriginalFilename() == null ? "dpa.xlsx" : file.getOriginalFilename());
        try {
            ImportResult preview = dpa.importWorkbook(LedgerIds.require(organisasi, "organisation"), tahun, bytes,
                    true, null);
            model.addAttribute("dpaPreview", preview);
            if (!preview.alreadyImported()) {
                session.setAttribute(PENDING_DPA, new PendingWorkbook(preview.digest(), organisasi, tahun, bytes));
            }
        } catch (DpaProblems problems) {
            model.addAttribute("dpaError", "Buku kerja ditolak seluruhnya; tidak ada yang dicatat.");
            model.addAttribute("dpaProblems", problems.problems());
        } catch (RuleViolation refused) {
            model.addAttribute("dpaError", IndonesianMessages.of(refused));
        } catch (AccessDenied denied) {
            model.addAttribute("dpaError", "Ditolak: hanya perencana organisasi ini yang dapat mengimpor DPA-nya.");
        }
        return page(model);
    }

    @PostMapping("/impor/dpa/catat")
    public String recordWorkbook(@RequestParam String digest, HttpSession session, Model model) {
        Object pending = session.getAttribute(PENDING_DPA);
        if (!(pending instanceof PendingWorkbook p) || !p.digest().equals(digest)) {
            model.addAttribute("dpaError", "Pratinjau sudah kedaluwarsa atau diganti buku kerja lain; unggah lagi.");
            return page(model);
        }
        session.removeAttribute(PENDING_DPA);
        try {
            dpa.importWorkbook(p.organisation(), p.year(), p.bytes(), false, "import-" + LedgerIds.newId());
        } catch (DpaProblems problems) {
            model.addAttribute("dpaError", "Buku kerja ditolak seluruhnya; tidak ada yang dicatat.");
            model.addAttribute("dpaProblems", problems.problems());
            return page(model);
        } catch (RuleViolation refused) {
            model.addAttribute("dpaError", IndonesianMessages.of(refused));
            return page(model);
        } catch (AccessDenied denied) {
            model.addAttribute("dpaError", "Ditolak: hanya perencana organisasi ini yang dapat mengimpor DPA-nya.");
            return page(model);
        }
        return "redirect:/org/" + p.organisation() + "/anggaran/" + p.year() + "?diimpor";
    }

    @PostMapping("/impor/pratinjau")
    public String preview(@RequestParam("file") MultipartFile file, HttpSession session, Model model)
            throws IOException {
        session.removeAttribute(PENDING);
        if (file.isEmpty()) {
            model.addAttribute("error", "Pilih berkas YAML LKjIP terlebih dahulu.");
            return page(model);
        }
        byte[] bytes = ImportController.readBounded(file.getInputStream(), LkjipParser.MAX_BYTES);
        String name = file.getOriginalFilename() == null ? "berkas.yaml" : file.getOriginalFilename();
        model.addAttribute("fileName", name);
        try {
            ImportResult preview = importer.importFile(bytes, true, null);
            model.addAttribute("preview", preview);
            model.addAttribute("extras", extras(preview.summary()));
            if (!preview.alreadyImported()) {
                session.setAttribute(PENDING, new Pending(preview.digest(), name, bytes));
            }
        } catch (LkjipProblems problems) {
            model.addAttribute("error", "Berkas ditolak seluruhnya; tidak ada yang dicatat.");
            model.addAttribute("problems", problems.problems());
        } catch (RuleViolation refused) {
            model.addAttribute("error", IndonesianMessages.of(refused));
        } catch (AccessDenied denied) {
            model.addAttribute("error", ImportJobs.REFUSED);
        }
        return page(model);
    }

    @PostMapping("/impor/catat")
    public String record(@RequestParam String digest, HttpSession session, Model model) {
        Object pending = session.getAttribute(PENDING);
        if (!(pending instanceof Pending p) || !p.digest().equals(digest)) {
            model.addAttribute("error", "Pratinjau sudah kedaluwarsa atau diganti berkas lain; unggah berkasnya lagi.");
            return page(model);
        }
        session.removeAttribute(PENDING);
        ImportJobs.Job job = jobs.start(LedgerIds.newId(), p.fileName(), p.bytes());
        return "redirect:/impor/proses/" + job.id;
    }

    /** The shipped example, {@code examples/jiken-2023.yaml}, packed into the application. */
    static final String SAMPLE = "/examples/jiken-2023.yaml";

    /**
     * Imports the shipped Kecamatan Jiken 2023 example, so that a fresh installation can be tried at
     * once; an already imported example is recognised by its digest and recorded only once.
     */
    @PostMapping("/impor/contoh")
    public String sample() throws IOException {
        byte[] bytes;
        try (java.io.InputStream in = ImportPages.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                return "redirect:/?contoh=tidak-ada";
            }
            bytes = in.readAllBytes();
        }
        ImportJobs.Job job = jobs.start(LedgerIds.newId(), "jiken-2023.yaml", bytes);
        return "redirect:/impor/proses/" + job.id;
    }

    @GetMapping("/impor/proses/{id}")
    public String progress(@PathVariable String id, Principal user, Model model) {
        ImportJobs.Job job = jobs.find(LedgerIds.require(id, "import"), user.getName());
        if (job == null) {
            model.addAttribute("error", "Impor " + id + " tidak ditemukan.");
            return page(model);
        }
        model.addAttribute("job", job);
        if (!job.finished) {
            model.addAttribute("refreshSeconds", 1);
        }
        if (job.result != null) {
            model.addAttribute("org", job.result.organisationId());
            model.addAttribute("year", job.result.fiscalYear());
        }
        return "import-progress";
    }
}
