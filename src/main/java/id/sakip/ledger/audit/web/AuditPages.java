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

import id.sakip.ledger.audit.query.AuditQueries;
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

    public AuditPages(AuditQueries queries, OrganisationAccess access, CheckpointVerifier verifier,
                      LogIntegrityMonitor monitor, CheckpointSigner signer, Clock clock) {
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

    @GetMapping("/org/{org}/audit")
    public String events(@PathVariable String org, @RequestParam(required = false) String jenis,
                         @RequestParam(required = false) String pelaku,
                         @RequestParam(required = false) String dari, @RequestParam(required = false) String sampai,
                         @RequestParam(defaultValue = "0") long setelah, Model model) {
        requireRead(org);
        model.addAttribute("org", org);
        model.addAttribute("year", Year.now(LedgerClock.WIB).getValue());
        model.addAttribute("jenis", jenis);
        model.addAttribute("pelaku", pelaku);
        model.addAttribute("dari", dari);
        model.addAttribute("sampai", sampai);
        Instant from;
        Instant to;
        try {
            from = blank(dari) == null ? null : LocalDate.parse(dari).atStartOfDay(LedgerClock.WIB).toInstant();
            to = blank(sampai) == null ? null : LocalDate.parse(sampai).plusDays(1).atStartOfDay(LedgerClock.WIB)
                    .toInstant().minusNanos(1);
        } catch (DateTimeParseException bad) {
            model.addAttribute("error", "Tanggal saringan harus berformat TTTT-BB-HH.");
            model.addAttribute("page", new AuditQueries.Page(java.util.List.of(), null));
            return "audit";
        }
        model.addAttribute("page", queries.events(org, from, to, blank(jenis), blank(pelaku), setelah, 200));
        return "audit";
    }

    @GetMapping("/org/{org}/audit/indikator/{indicatorId}")
    public String indicator(@PathVariable String org, @PathVariable String indicatorId, Model model) {
        requireRead(org);
        model.addAttribute("org", org);
        model.addAttribute("year", Year.now(LedgerClock.WIB).getValue());
        model.addAttribute("indicatorId", indicatorId);
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
