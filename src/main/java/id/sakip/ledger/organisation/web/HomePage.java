package id.sakip.ledger.organisation.web;

import java.time.Year;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import id.sakip.ledger.budget.query.BudgetQueries;
import id.sakip.ledger.organisation.api.KabupatenId;
import id.sakip.ledger.organisation.query.OrganisationDirectory;
import id.sakip.ledger.organisation.query.OrganisationDirectory.OrganisationView;
import id.sakip.ledger.shared.LedgerClock;
import id.sakip.ledger.shared.OrganisationAccess;

/**
 * The first page: the organisations the signed-in user may see, grouped by kabupaten, each with the years
 * it has a budget for, and a link to the summary of each kabupaten the user may read as a whole.
 */
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
                .sorted(Comparator.comparing((OrganisationView o) -> o.kabupaten() == null ? "" : o.kabupaten())
                        .thenComparing(OrganisationView::name))
                .map(o -> new Choice(o, latestFirst(budgets.years(o.organisationId(), now - YEARS_BACK, now + 1))))
                .toList();
        model.addAttribute("organisations", choices);
        Map<String, String> kabupaten = new TreeMap<>();
        for (OrganisationView o : directory.all()) {
            KabupatenId id = KabupatenId.of(o.kabupaten());
            if (id != null && access.mayReadKabupaten(id.value())) {
                kabupaten.putIfAbsent(id.value(), o.kabupaten().strip());
            }
        }
        model.addAttribute("kabupaten", kabupaten);
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
