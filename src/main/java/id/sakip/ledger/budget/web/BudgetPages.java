package id.sakip.ledger.budget.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import id.sakip.ledger.budget.api.RealisationReceipt;
import id.sakip.ledger.budget.api.RecordRealisation;
import id.sakip.ledger.budget.api.ReverseRealisation;
import id.sakip.ledger.budget.query.BudgetQueries;
import id.sakip.ledger.eventstore.ProjectionLag;
import id.sakip.ledger.eventstore.metadata.LedgerCommands;
import id.sakip.ledger.shared.AccessDenied;
import id.sakip.ledger.shared.OrganisationAccess;
import id.sakip.ledger.shared.RuleViolation;
import id.sakip.ledger.shared.web.IndonesianMessages;
import id.sakip.ledger.shared.web.LedgerIds;

/** The treasurer's pages: budget lines with absorption, recording and reversing realisations. */
@Controller
public class BudgetPages {

    private final BudgetQueries queries;
    private final LedgerCommands commands;
    private final OrganisationAccess access;
    private final ProjectionLag lag;

    public BudgetPages(BudgetQueries queries, LedgerCommands commands, OrganisationAccess access, ProjectionLag lag) {
        this.queries = queries;
        this.commands = commands;
        this.access = access;
        this.lag = lag;
    }

    private void requireRead(String org) {
        access.requireRead(LedgerIds.require(org, "organisation"));
    }

    private boolean may(String org, String role) {
        try {
            access.require(org, role);
            return true;
        } catch (AccessDenied e) {
            return false;
        }
    }

    @GetMapping("/org/{org}/anggaran/{year}")
    public String budget(@PathVariable String org, @PathVariable int year, Model model) {
        requireRead(org);
        model.addAttribute("org", org);
        model.addAttribute("year", year);
        model.addAttribute("canSpend", may(org, "TREASURER"));
        try {
            model.addAttribute("report", queries.realisation(org, year, null, null));
        } catch (RuleViolation missing) {
            model.addAttribute("missing", "Belum ada anggaran (DPA) " + year + " untuk " + org + ".");
        }
        if (!model.containsAttribute("today")) {
            model.addAttribute("today", LocalDate.now(id.sakip.ledger.shared.LedgerClock.WIB).toString());
        }
        return "budget";
    }

    @PostMapping("/org/{org}/anggaran/{year}/realisasi")
    public String record(@PathVariable String org, @PathVariable int year, @RequestParam String lineId,
                         @RequestParam String amount, @RequestParam String date, @RequestParam String document,
                         @RequestParam(required = false) String description, Model model) {
        requireRead(org);
        String error = null;
        try {
            access.require(org, "TREASURER");
            long rupiah = parseRupiah(amount);
            RealisationReceipt receipt = commands.send(new RecordRealisation(org, year, LedgerIds.newId(), lineId,
                    id.sakip.ledger.shared.Rupiah.of(rupiah), LocalDate.parse(date), document, description),
                    new LedgerCommands.Context(org, null, null, null));
            lag.awaitCaughtUp(Duration.ofSeconds(2));
            return "redirect:/org/" + org + "/anggaran/" + year + "?tercatat=" + receipt.entryId();
        } catch (RuleViolation refused) {
            error = IndonesianMessages.of(refused);
        } catch (AccessDenied denied) {
            error = "Ditolak: hanya bendahara organisasi ini yang dapat mencatat realisasi.";
        } catch (NumberFormatException | DateTimeParseException bad) {
            error = "Ditolak: jumlah harus rupiah utuh (mis. 1.500.000) dan tanggal berformat TTTT-BB-HH.";
        }
        model.addAttribute("error", error);
        model.addAttribute("form", java.util.Map.of("lineId", lineId, "amount", amount, "date", date,
                "document", document, "description", description == null ? "" : description));
        return budget(org, year, model);
    }

    @PostMapping("/org/{org}/anggaran/{year}/realisasi/{entryId}/batal")
    public String reverse(@PathVariable String org, @PathVariable int year, @PathVariable String entryId,
                          @RequestParam String lineId, @RequestParam String reason) {
        requireRead(org);
        String result;
        try {
            access.require(org, "TREASURER");
            commands.send(new ReverseRealisation(org, year, LedgerIds.require(entryId, "entry"), reason),
                    new LedgerCommands.Context(org, null, null, null));
            lag.awaitCaughtUp(Duration.ofSeconds(2));
            result = "dibatalkan";
        } catch (RuleViolation refused) {
            result = "gagal";
        } catch (AccessDenied denied) {
            result = "ditolak";
        }
        return "redirect:/org/" + org + "/audit/baris/" + lineId + "?tahun=" + year + "&hasil=" + result;
    }

    /** Parses rupiah as a person types it: 1.500.000 or 1500000 (no decimals). */
    static long parseRupiah(String text) {
        String digits = text == null ? "" : text.replace(".", "").replace(" ", "").replace("Rp", "").strip();
        if (!digits.matches("\\d{1,18}")) {
            throw new NumberFormatException(text);
        }
        return Long.parseLong(digits);
    }
}
