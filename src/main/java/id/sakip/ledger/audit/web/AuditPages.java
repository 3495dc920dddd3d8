package id.sakip.ledger.audit.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import id.sakip.ledger.audit.api.AuditEvent;
import id.sakip.ledger.audit.query.AuditNames;
import id.sakip.ledger.audit.query.AuditQueries;
import id.sakip.ledger.audit.query.EventNarration;
import id.sakip.ledger.eventstore.CheckpointSigner;
import id.sakip.ledger.eventstore.CheckpointVerifier;
import id.sakip.ledger.eventstore.LedgerDigest;
import id.sakip.ledger.eventstore.LogBroken;
import id.sakip.ledger.eventstore.LogIntegrityMonitor;
import id.sakip.ledger.eventstore.SignedVerification;
import id.sakip.ledger.eventstore.VerificationResult;
import id.sakip.ledger.shared.LedgerClock;
import id.sakip.ledger.shared.OrganisationAccess;
import id.sakip.ledger.shared.RuleViolation;
import id.sakip.ledger.shared.web.LedgerIds;

/** The auditor's pages: event history, the story of a line, verification and the digest. */
@Controller
public class AuditPages {

    private final AuditQueries queries;
    private final OrganisationAccess access;
    private final CheckpointVerifier verifier;
    private final LogIntegrityMonitor monitor;
    private final CheckpointSigner signer;
    private final Clock clock;
    private final AuditNames names;

    public AuditPages(AuditQueries queries, OrganisationAccess access, CheckpointVerifier verifier,
                      LogIntegrityMonitor monitor, CheckpointSigner signer, Clock clock, AuditNames names) {
        this.names = names;
        this.signer = signer;
        this.queries = queries;
        this.access = access;
        this.verifier = verifier;
        this.monitor = monitor;
        this.clock = clock;
    }

    private void requireRead(String org) {
        access.requireRead(LedgerIds.require(org, "organisation"));
    }

    /** Events on one page of the audit trail. */
    static final int PAGE_SIZE = 50;

    /** One event as a row of the audit trail: what happened in a sentence, who, why, when and its commit. */
    public record AuditRow(long sequence, String recordedAt, String kind, String sentence, String story,
                           String actor, String role, String reason, String legalBasis, String commitHash) {

        /** The first 12 hex digits of the commit hash, enough to find it again. */
        public String shortHash() {
            return commitHash == null ? "-" : commitHash.substring(0, Math.min(12, commitHash.length()));
        }
    }

    @GetMapping("/org/{org}/audit")
    public String events(@PathVariable String org, @RequestParam(required = false) String jenis,
                         @RequestParam(required = false) String pelaku,
                         @RequestParam(required = false) String dari, @RequestParam(required = false) String sampai,
                         @RequestParam(required = false) String nilaiDari,
                         @RequestParam(required = false) String nilaiSampai,
                         @RequestParam(defaultValue = "1") int halaman, Model model) {
        requireRead(org);
        model.addAttribute("org", org);
        model.addAttribute("year", Year.now(LedgerClock.WIB).getValue());
        model.addAttribute("jenis", jenis);
        model.addAttribute("pelaku", pelaku);
        model.addAttribute("dari", dari);
        model.addAttribute("sampai", sampai);
        model.addAttribute("nilaiDari", nilaiDari);
        model.addAttribute("nilaiSampai", nilaiSampai);
        model.addAttribute("kinds", EventNarration.names());
        model.addAttribute("pageNumber", Math.max(1, halaman));
        model.addAttribute("rows", java.util.List.of());
        model.addAttribute("hasNext", false);
        AuditQueries.Filter filter;
        try {
            Instant from = blank(dari) == null ? null : LocalDate.parse(dari).atStartOfDay(LedgerClock.WIB).toInstant();
            Instant to = blank(sampai) == null ? null : LocalDate.parse(sampai).plusDays(1).atStartOfDay(LedgerClock.WIB)
                    .toInstant().minusNanos(1);
            LocalDate valueFrom = blank(nilaiDari) == null ? null : LocalDate.parse(nilaiDari);
            LocalDate valueTo = blank(nilaiSampai) == null ? null : LocalDate.parse(nilaiSampai);
            java.util.Set<String> types = blank(jenis) == null ? null : EventNarration.typesMatching(jenis);
            filter = new AuditQueries.Filter(from, to, types, blank(pelaku), valueFrom, valueTo);
        } catch (DateTimeParseException bad) {
            model.addAttribute("error", "Tanggal saringan harus berformat TTTT-BB-HH.");
            return "audit";
        }
        if (filter.types() != null && filter.types().isEmpty()) {
            model.addAttribute("error", "Tidak ada jenis peristiwa bernama \u201c" + jenis + "\u201d; pilih dari daftar.");
            return "audit";
        }
        long after = 0;
        AuditQueries.Page page = null;
        for (int p = 1; p <= Math.max(1, halaman); p++) {
            page = queries.events(org, filter, after, PAGE_SIZE);
            if (page.nextAfter() == null) {
                if (p < halaman) {
                    page = new AuditQueries.Page(java.util.List.of(), null);
                }
                break;
            }
            if (p < halaman) {
                after = page.nextAfter();
            }
        }
        EventNarration.Names names = this.names.forOnePage();
        java.util.List<AuditRow> rows = new java.util.ArrayList<>();
        for (AuditEvent e : page.events()) {
            String story = EventNarration.story(org, e.content());
            rows.add(new AuditRow(e.sequence(), e.recordedAt(), EventNarration.name(e.type()),
                    EventNarration.sentence(e.type(), org, e.content(), names), story, e.actorId(),
                    EventNarration.role(e.actorRole()), e.reason(), e.legalBasis(), e.commitHash()));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("hasNext", page.nextAfter() != null
                && !queries.events(org, filter, page.nextAfter(), 1).events().isEmpty());
        model.addAttribute("firstNumber", (Math.max(1, halaman) - 1) * PAGE_SIZE + 1);
        return "audit";
    }

    @GetMapping("/org/{org}/audit/indikator/{indicatorId}")
    public String indicator(@PathVariable String org, @PathVariable String indicatorId, Model model) {
        requireRead(org);
        model.addAttribute("org", org);
        model.addAttribute("year", Year.now(LedgerClock.WIB).getValue());
        model.addAttribute("indicatorId", indicatorId);
        model.addAttribute("indicatorName", names.forOnePage().indicator(org, indicatorId));
        try {
            model.addAttribute("history", queries.indicatorHistory(org, LedgerIds.require(indicatorId, "indicator")));
        } catch (RuleViolation missing) {
            model.addAttribute("missing", "Indikator " + indicatorId + " tidak ada pada Renstra organisasi ini.");
        }
        return "indicator-history";
    }

    /** The reversal of each reversed entry of a line's story, by entry id, so the page names who reversed it and why. */
    static java.util.Map<Object, id.sakip.ledger.audit.api.ItemHistory.Step> reversals(id.sakip.ledger.audit.api.ItemHistory history) {
        java.util.Map<Object, id.sakip.ledger.audit.api.ItemHistory.Step> reversed = new java.util.HashMap<>();
        for (var step : history.steps()) {
            if ("REALISATION_REVERSED".equals(step.change()) && step.details() != null) {
                reversed.put(step.details().get("entryId"), step);
            }
        }
        return reversed;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @GetMapping("/org/{org}/audit/baris/{lineId}")
    public String line(@PathVariable String org, @PathVariable String lineId, @RequestParam int tahun, Model model) {
        requireRead(org);
        model.addAttribute("org", org);
        model.addAttribute("year", tahun);
        try {
            var history = queries.lineHistory(org, tahun, LedgerIds.require(lineId, "line"));
            model.addAttribute("history", history);
            model.addAttribute("reversals", reversals(history));
        } catch (RuleViolation missing) {
            model.addAttribute("missing", "Baris " + lineId + " tidak ada pada anggaran " + tahun + ".");
        }
        model.addAttribute("canReverse", access.holds(org, "TREASURER"));
        model.addAttribute("lineId", lineId);
        model.addAttribute("lineName", names.forOnePage().line(org, tahun, lineId));
        return "line-history";
    }

    @GetMapping("/verifikasi")
    public String verification(Model model) {
        SignedVerification verification = verifier.verify();
        monitor.observe(verification);
        model.addAttribute("result", verification.result());
        model.addAttribute("checkpoints", verification.checkpoints());
        return "verification";
    }

    /** The largest digest file accepted; a digest is about 200 bytes. */
    static final int MAX_DIGEST_BYTES = 16 * 1024;

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Verifies the log against a digest file saved earlier, uploaded from the auditor's computer. */
    @org.springframework.web.bind.annotation.PostMapping("/verifikasi")
    public String verifyDigest(@RequestParam("digest") org.springframework.web.multipart.MultipartFile file,
                               Model model) throws java.io.IOException {
        LedgerDigest digest = null;
        if (!file.isEmpty() && file.getSize() <= MAX_DIGEST_BYTES) {
            try {
                digest = JSON.readValue(file.getBytes(), LedgerDigest.class);
            } catch (java.io.IOException unreadable) {
                digest = null;
            }
        }
        if (digest == null || digest.headHash() == null || !digest.headHash().matches("[0-9a-f]{64}")
                || digest.headSequence() < 0) {
            model.addAttribute("digestError", "Berkas ini bukan digest buku besar: unggah berkas JSON yang diunduh "
                    + "dengan tombol \u201cUnduh digest\u201d.");
            return verification(model);
        }
        // a digest that does not match says something about the digest as much as the log: the integrity
        // monitor keeps judging the log by its own full verification only
        SignedVerification own = verifier.verify();
        model.addAttribute("result", own.result());
        model.addAttribute("checkpoints", own.checkpoints());
        model.addAttribute("digestResult", verifier.verify(digest).result());
        model.addAttribute("digest", digest);
        try {
            model.addAttribute("digestTakenAt", digest.takenAt() == null ? null
                    : id.sakip.ledger.shared.IndonesianFormat.time(Instant.parse(digest.takenAt())));
        } catch (DateTimeParseException unreadable) {
            model.addAttribute("digestTakenAt", null);
        }
        return "verification";
    }

    @GetMapping("/verifikasi/digest.json")
    public ResponseEntity<LedgerDigest> digest() {
        SignedVerification verification = verifier.verify();
        monitor.observe(verification);
        VerificationResult result = verification.result();
        if (!result.verified()) {
            throw new LogBroken(result.brokenAtSequence(), result.reason());
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-digest-"
                        + result.headSequence() + ".json\"").contentType(MediaType.APPLICATION_JSON)
                .body(new LedgerDigest(result.headSequence(), result.headHash(), clock.instant().toString()));
    }

    /** The public key that signs the checkpoints, to check the checkpoint file with outside the ledger. */
    @GetMapping("/verifikasi/kunci-publik.pem")
    public ResponseEntity<String> publicKey() {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-"
                + signer.keyId() + ".pem\"").contentType(MediaType.parseMediaType("application/x-pem-file"))
                .body(signer.publicKeyPem());
    }
}
