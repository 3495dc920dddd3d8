package id.sakip.ledger.organisation.web;

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

import id.sakip.ledger.eventstore.metadata.LedgerCommands;
import id.sakip.ledger.organisation.api.ChangeSignatory;
import id.sakip.ledger.organisation.query.OrganisationDirectory;
import id.sakip.ledger.organisation.query.OrganisationDirectory.Signatory;
import id.sakip.ledger.shared.AccessDenied;
import id.sakip.ledger.shared.IndonesianFormat;
import id.sakip.ledger.shared.LedgerClock;
import id.sakip.ledger.shared.OrganisationAccess;
import id.sakip.ledger.shared.RuleViolation;
import id.sakip.ledger.shared.web.IndonesianMessages;
import id.sakip.ledger.shared.web.LedgerIds;

/**
 * Who signs an organisation's reports: the head in office today, every head before, and, for a planner of the
 * organisation or an admin, the form that records a new head from a date on.
 */
@Controller
public class SignatoryPages {

    private final OrganisationDirectory directory;
    private final LedgerCommands commands;
    private final OrganisationAccess access;
    private final Clock clock;

    public SignatoryPages(OrganisationDirectory directory, LedgerCommands commands, OrganisationAccess access,
                          Clock clock) {
        this.directory = directory;
        this.commands = commands;
        this.access = access;
        this.clock = clock;
    }

    /** One signer as the page lists them. */
    public record Row(String from, String office, String name, String nip, String place, String reason,
                      String legalBasis, boolean inOffice) {
    }

    @GetMapping("/org/{org}/penandatangan")
    public String signatory(@PathVariable String org, Model model) {
        access.requireRead(LedgerIds.require(org, "organisation"));
        LocalDate today = LedgerClock.today(clock);
        String name = directory.nameOf(org);
        Signatory current = directory.signatoryOn(org, today).orElse(null);
        List<Row> rows = new ArrayList<>();
        for (Signatory s : directory.signatories(org)) {
            rows.add(new Row(s.from() == null ? "sejak terdaftar" : IndonesianFormat.longDate(s.from()),
                    PrintHeadings.office(s.head(), name), orDash(s.headName()), orDash(s.headNip()),
                    orDash(s.reportPlace()), orDash(s.reason()), orDash(s.legalBasis()), s.equals(current)));
        }
        model.addAttribute("org", org);
        model.addAttribute("year", today.getYear());
        model.addAttribute("rows", rows);
        model.addAttribute("registered", current != null);
        model.addAttribute("canChange", access.holds(org, "PLANNER"));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("head", current == null || current.head() == null ? ""
                    : current.head(), "reportPlace", current == null || current.reportPlace() == null ? ""
                    : current.reportPlace(), "effectiveDate", today.toString()));
        }
        return "signatory";
    }

    /** Records a new head; a refusal shows why and keeps what was typed. */
    @PostMapping("/org/{org}/penandatangan")
    public String change(@PathVariable String org, @RequestParam Map<String, String> form, Model model) {
        access.requireRead(LedgerIds.require(org, "organisation"));
        String error;
        try {
            access.require(org, "PLANNER");
            String date = form.getOrDefault("effectiveDate", "");
            commands.send(new ChangeSignatory(org, form.get("head"), form.get("headName"), form.get("headNip"),
                    form.get("reportPlace"), date.isBlank() ? null : LocalDate.parse(date), form.get("reason"),
                    form.get("legalBasis")), new LedgerCommands.Context(org, null, null, null));
            return "redirect:/org/" + org + "/penandatangan?diganti";
        } catch (RuleViolation refused) {
            error = IndonesianMessages.of(refused);
        } catch (AccessDenied denied) {
            error = "Ditolak: hanya perencana organisasi ini atau administrator yang dapat mengganti penandatangan.";
        } catch (DateTimeParseException bad) {
            error = "Ditolak: tanggal berlaku harus berformat TTTT-BB-HH.";
        }
        model.addAttribute("error", error);
        model.addAttribute("form", form);
        return signatory(org, model);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }
}
