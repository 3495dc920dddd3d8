package id.sakip.ledger.organisation.web;

import java.time.Year;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import id.sakip.ledger.organisation.query.OrganisationDirectory;
import id.sakip.ledger.shared.LedgerClock;
import id.sakip.ledger.shared.OrganisationAccess;

/** The first page: the organisations the signed-in user may see. */
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
        model.addAttribute("organisations", directory.all().stream().filter(o -> access.mayRead(o.organisationId()))
                .toList());
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
