package id.sakip.ledger.performance.web;

import java.math.BigDecimal;
import java.time.Year;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import id.sakip.ledger.eventstore.metadata.LedgerCommands;
import id.sakip.ledger.performance.api.SetIndicatorTarget;
import id.sakip.ledger.performance.query.PerformanceQueries;
import id.sakip.ledger.performance.query.PlanBook;
import id.sakip.ledger.shared.AccessDenied;
import id.sakip.ledger.shared.LedgerClock;
import id.sakip.ledger.shared.OrganisationAccess;
import id.sakip.ledger.shared.RuleViolation;
import id.sakip.ledger.shared.web.IndonesianMessages;
import id.sakip.ledger.shared.web.LedgerIds;

/** The planner's pages: the Renstra tree with targets and realisations per year, and setting or amending a target. */
@Controller
public class PlanPages {

    private final PerformanceQueries queries;
    private final LedgerCommands commands;
    private final OrganisationAccess access;

    public PlanPages(PerformanceQueries queries, LedgerCommands commands, OrganisationAccess access) {
        this.queries = queries;
        this.commands = commands;
        this.access = access;
    }

    @GetMapping("/org/{org}/renstra")
    public String plans(@PathVariable String org, @RequestParam(required = false) Integer tahun, Model model) {
        access.requireRead(LedgerIds.require(org, "organisation"));
        List<PlanBook> plans = queries.plans(org, null);
        model.addAttribute("org", org);
        model.addAttribute("plans", plans);
        model.addAttribute("year", tahun != null ? tahun : plans.isEmpty()
                ? Year.now(LedgerClock.WIB).getValue() : Math.min(Year.now(LedgerClock.WIB).getValue(),
                plans.get(plans.size() - 1).toYear));
        model.addAttribute("canPlan", access.holds(org, "PLANNER"));
        return "renstra";
    }

    @PostMapping("/org/{org}/renstra/{planId}/indikator/{indicatorId}/target")
    public String setTarget(@PathVariable String org, @PathVariable String planId, @PathVariable String indicatorId,
                            @RequestParam int year, @RequestParam String value,
                            @RequestParam(required = false) String reason,
                            @RequestParam(required = false) String legalBasis, RedirectAttributes redirect) {
        access.requireRead(LedgerIds.require(org, "organisation"));
        String anchor = "#" + indicatorId;
        try {
            access.require(org, "PLANNER");
            BigDecimal target = parseDecimal(value);
            String outcome = commands.send(new SetIndicatorTarget(org, LedgerIds.require(planId, "plan"),
                    LedgerIds.require(indicatorId, "indicator"), year, target, reason, legalBasis),
                    new LedgerCommands.Context(org, null, null, null));
            redirect.addFlashAttribute("message", switch (outcome) {
                case "AMENDED" -> "Target " + indicatorId + " tahun " + year + " diubah; nilai lama tetap di riwayat.";
                case "UNCHANGED" -> "Target " + indicatorId + " tahun " + year + " sudah bernilai itu; tidak ada yang dicatat.";
                default -> "Target " + indicatorId + " tahun " + year + " ditetapkan.";
            });
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("error", IndonesianMessages.of(refused));
        } catch (AccessDenied denied) {
            redirect.addFlashAttribute("error", "Ditolak: hanya perencana organisasi ini yang dapat menetapkan target.");
        } catch (NumberFormatException bad) {
            redirect.addFlashAttribute("error", "Ditolak: target harus angka, mis. 96,5 atau 100.");
        }
        if (redirect.getFlashAttributes().containsKey("error")) {
            redirect.addFlashAttribute("form", Map.of("indicatorId", indicatorId, "year", year, "value", value,
                    "reason", reason == null ? "" : reason, "legalBasis", legalBasis == null ? "" : legalBasis));
        }
        return "redirect:/org/" + org + "/renstra" + anchor;
    }

    /** Reads a number as a person types it here: 96,5 or 96.5 (no thousands separators). */
    static BigDecimal parseDecimal(String text) {
        String t = text == null ? "" : text.strip().replace(',', '.');
        if (!t.matches("\\d{1,12}(\\.\\d+)?")) {
            throw new NumberFormatException(text);
        }
        return new BigDecimal(t);
    }
}
