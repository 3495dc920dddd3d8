package id.sakip.ledger.organisation.web;

import java.time.Year;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import id.sakip.ledger.budget.query.BudgetQueries;
import id.sakip.ledger.organisation.query.OrganisationDirectory;
import id.sakip.ledger.organisation.query.OrganisationDirectory.OrganisationView;
import id.sakip.ledger.shared.LedgerClock;
import id.sakip.ledger.shared.OrganisationAccess;

/** The first page: the organisations the signed-in user may see, each with the years it has a budget for. */
@Controller
public class HomePage {

    /** How many years back the home page looks for budgets. */
    static final int YEARS_BACK = 10;

    private final OrganisationDirectory directory;
    private final OrganisationAccess access;
    private final BudgetQueries budgets;

    public HomePage(OrganisationDirectory directory, OrganisationAccess access, BudgetQueries budgets) {
        this.directory = directory;
        this.access = access;
        this.budgets = budgets;
    }

    /** An organisation on the home page and the fiscal years it has a budget for, latest first. */
    public record Choice(OrganisationView organisation, List<Integer> years) {
    }

    @GetMapping("/")
    public String home(Model model) {
        int now = Year.now(LedgerClock.WIB).getValue();
        List<Choice> choices = directory.all().stream().filter(o -> access.mayRead(o.organisationId()))
                .map(o -> new Choice(o, latestFirst(budgets.years(o.organisationId(), now - YEARS_BACK, now + 1))))
                .toList();
        model.addAttribute("organisations", choices);
        model.addAttribute("year", now);
        return "home";
    }

    private static List<Integer> latestFirst(List<Integer> years) {
        List<Integer> copy = new java.util.ArrayList<>(years);
        java.util.Collections.reverse(copy);
        return copy;
    }

    /** Opens an organisation's budget or report page for the chosen year. */
    @GetMapping("/pilih")
    public String choose(@org.springframework.web.bind.annotation.RequestParam String org,
                         @org.springframework.web.bind.annotation.RequestParam int tahun,
                         @org.springframework.web.bind.annotation.RequestParam(defaultValue = "anggaran") String ke) {
        id.sakip.ledger.shared.web.LedgerIds.require(org, "organisation");
        return "redirect:/org/" + org + ("laporan".equals(ke) ? "/laporan/" : "/anggaran/") + tahun;
    }
}
