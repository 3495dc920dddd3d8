package id.sakip.ledger.budget.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import id.sakip.ledger.budget.api.AmendBudget;
import id.sakip.ledger.budget.api.AmendmentKind;
import id.sakip.ledger.budget.api.LineAmount;
import id.sakip.ledger.budget.api.RealisationReceipt;
import id.sakip.ledger.budget.query.BudgetRealisationReport;
import id.sakip.ledger.shared.IndonesianFormat;
import id.sakip.ledger.shared.LedgerClock;
import id.sakip.ledger.shared.Rupiah;
import id.sakip.ledger.budget.api.RecordRealisation;
import id.sakip.ledger.budget.api.ReverseRealisation;
import id.sakip.ledger.budget.query.BudgetQueries;
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
    private final Clock clock;

    public BudgetPages(BudgetQueries queries, LedgerCommands commands, OrganisationAccess access,
                       Clock clock) {
        this.clock = clock;
        this.queries = queries;
        this.commands = commands;
        this.access = access;
    }

    private void requireRead(String org) {
        access.requireRead(LedgerIds.require(org, "organisation"));
    }

    @GetMapping("/org/{org}/anggaran/{year}")
    public String budget(@PathVariable String org, @PathVariable int year, Model model) {
        requireRead(org);
        model.addAttribute("org", org);
        model.addAttribute("year", year);
        model.addAttribute("canSpend", access.holds(org, "TREASURER"));
        model.addAttribute("canAmend", access.holds(org, "PLANNER"));
        try {
            model.addAttribute("report", queries.realisation(org, year, null, null));
        } catch (RuleViolation missing) {
            model.addAttribute("missing", "Belum ada anggaran (DPA) " + year + " untuk organisasi ini.");
        }
        if (!model.containsAttribute("today")) {
            model.addAttribute("today", dateInside(LedgerClock.today(clock), year).toString());
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
            result = "dibatalkan";
        } catch (RuleViolation refused) {
            result = "gagal";
        } catch (AccessDenied denied) {
            result = "ditolak";
        }
        return "redirect:/org/" + org + "/audit/baris/" + lineId + "?tahun=" + year + "&hasil=" + result;
    }

    /** One line on the amendment form: its amount now and the amount the planner typed. */
    public record AmendmentRow(String lineId, int number, String name, long realised, long before, long after,
                               boolean changed, boolean belowRealised) {
    }

    @GetMapping("/org/{org}/anggaran/{year}/perubahan")
    public String amendmentForm(@PathVariable String org, @PathVariable int year, Model model) {
        requireRead(org);
        BudgetRealisationReport report = amendmentModel(org, year, model);
        if (report != null) {
            List<AmendmentRow> rows = new ArrayList<>();
            for (BudgetRealisationReport.LineRow l : report.lines()) {
                rows.add(new AmendmentRow(l.lineId(), l.number(), l.name(), l.realised(), l.budget(), l.budget(),
                        false, false));
            }
            model.addAttribute("rows", rows);
            model.addAttribute("amendmentId", LedgerIds.newId());
            LocalDate today = LedgerClock.today(clock);
            LocalDate yearEnd = LocalDate.of(year, 12, 31);
            model.addAttribute("effectiveDate", (today.isAfter(yearEnd) ? yearEnd : today).toString());
        }
        return "budget-amendment";
    }

    /**
     * Previews an amendment (before and after per line and in total) or, once previewed, records it.
     * Nothing is recorded on a preview; a refused amendment shows why and keeps what was typed.
     */
    @PostMapping("/org/{org}/anggaran/{year}/perubahan")
    public String amend(@PathVariable String org, @PathVariable int year, @RequestParam Map<String, String> form,
                        Model model) {
        requireRead(org);
        BudgetRealisationReport report = amendmentModel(org, year, model);
        if (report == null) {
            return "budget-amendment";
        }
        String amendmentId = LedgerIds.require(form.getOrDefault("amendmentId", ""), "amendment");
        model.addAttribute("amendmentId", amendmentId);
        model.addAttribute("kind", form.get("kind"));
        model.addAttribute("reason", form.getOrDefault("reason", ""));
        model.addAttribute("legalBasis", form.getOrDefault("legalBasis", ""));
        model.addAttribute("effectiveDate", form.getOrDefault("effectiveDate", ""));
        List<AmendmentRow> rows = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        long before = 0;
        long after = 0;
        for (BudgetRealisationReport.LineRow l : report.lines()) {
            String typed = form.get("amount_" + l.lineId());
            long amount = l.budget();
            if (typed != null && !typed.isBlank()) {
                try {
                    amount = parseRupiah(typed);
                } catch (NumberFormatException bad) {
                    unreadable.add(l.number() + ". " + l.name());
                }
            }
            rows.add(new AmendmentRow(l.lineId(), l.number(), l.name(), l.realised(), l.budget(), amount,
                    amount != l.budget(), amount < l.realised()));
            before += l.budget();
            after += amount;
        }
        model.addAttribute("rows", rows);
        model.addAttribute("preview", Map.of("before", before, "after", after, "difference", after - before,
                "changed", rows.stream().filter(AmendmentRow::changed).count()));
        List<String> below = rows.stream().filter(AmendmentRow::belowRealised).map(r -> "baris " + r.number() + " "
                + r.name() + " (pagu baru Rp " + IndonesianFormat.integer(r.after()) + ", sudah direalisasikan Rp "
                + IndonesianFormat.integer(r.realised()) + ")").toList();
        if (!below.isEmpty()) {
            model.addAttribute("belowRealised", "Tidak dapat dicatat: pagu baru di bawah realisasinya pada "
                    + String.join("; ", below) + ".");
            return "budget-amendment";
        }
        if (!unreadable.isEmpty()) {
            model.addAttribute("error", "Ditolak: pagu baru harus rupiah utuh (mis. 1.500.000) pada baris "
                    + String.join("; ", unreadable) + ".");
            return "budget-amendment";
        }
        if (!"catat".equals(form.get("action"))) {
            return "budget-amendment";
        }
        try {
            access.require(org, "PLANNER");
            AmendmentKind kind = AmendmentKind.valueOf(form.getOrDefault("kind", ""));
            LocalDate effective = LocalDate.parse(form.getOrDefault("effectiveDate", ""));
            List<LineAmount> changes = rows.stream().filter(AmendmentRow::changed)
                    .map(r -> new LineAmount(r.lineId(), Rupiah.of(r.after()))).toList();
            commands.send(new AmendBudget(org, year, amendmentId, kind, form.get("reason"), form.get("legalBasis"),
                    effective, changes, List.of()), new LedgerCommands.Context(org, null, null, null));
            return "redirect:/org/" + org + "/anggaran/" + year + "?diubah=" + amendmentId;
        } catch (RuleViolation refused) {
            model.addAttribute("error", IndonesianMessages.of(refused));
        } catch (AccessDenied denied) {
            model.addAttribute("error", "Ditolak: hanya perencana organisasi ini yang dapat mengubah anggaran.");
        } catch (IllegalArgumentException | DateTimeParseException bad) {
            model.addAttribute("error", "Ditolak: pilih jenis perubahan dan isi tanggal berlaku (TTTT-BB-HH).");
        }
        return "budget-amendment";
    }

    private BudgetRealisationReport amendmentModel(String org, int year, Model model) {
        model.addAttribute("org", org);
        model.addAttribute("year", year);
        model.addAttribute("kinds", AmendmentKind.values());
        model.addAttribute("canAmend", access.holds(org, "PLANNER"));
        try {
            BudgetRealisationReport report = queries.realisation(org, year, null, null);
            model.addAttribute("report", report);
            return report;
        } catch (RuleViolation missing) {
            model.addAttribute("missing", "Belum ada anggaran (DPA) " + year + " untuk organisasi ini.");
            return null;
        }
    }

    /** Today when it falls in the fiscal year, else the year's nearest day: a new realisation's default date. */
    static LocalDate dateInside(LocalDate today, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        return today.isBefore(first) ? first : today.isAfter(last) ? last : today;
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
