package id.sakip.ledger.organisation.web;

import java.time.Year;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import id.sakip.ledger.organisation.api.KabupatenId;
import id.sakip.ledger.organisation.query.OrganisationDirectory;
import id.sakip.ledger.organisation.query.OrganisationDirectory.OrganisationView;
import id.sakip.ledger.shared.LedgerClock;
import id.sakip.ledger.shared.OrganisationAccess;

/**
 * The first page: the organisations the signed-in user may see, grouped by kabupaten, and a link to
 * the summary of each kabupaten the user may read as a whole.
 */
@Controller
public class HomePage {

    private final OrganisationDirectory directory;
    private final OrganisationAccess access;

    public HomePage(OrganisationDirectory directory, OrganisationAccess access) {
        this.directory = directory;
        this.access = access;
    }

    @GetMapping("/")
    public String home(Model model) {
        List<OrganisationView> readable = directory.all().stream().filter(o -> access.mayRead(o.organisationId()))
                .sorted(Comparator.comparing((OrganisationView o) -> o.kabupaten() == null ? "" : o.kabupaten())
                        .thenComparing(OrganisationView::name))
                .toList();
        model.addAttribute("organisations", readable);
        Map<String, String> kabupaten = new TreeMap<>();
        for (OrganisationView o : directory.all()) {
            KabupatenId id = KabupatenId.of(o.kabupaten());
            if (id != null && access.mayReadKabupaten(id.value())) {
                kabupaten.putIfAbsent(id.value(), o.kabupaten().strip());
            }
        }
        model.addAttribute("kabupaten", kabupaten);
        model.addAttribute("year", Year.now(LedgerClock.WIB).getValue());
        return "home";
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
