package id.sakip.ledger.organisation.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import id.sakip.ledger.organisation.query.OrganisationDirectory;
import id.sakip.ledger.organisation.query.OrganisationDirectory.OrganisationView;

/** Lists the organisations known to the ledger. */
@RestController
public class OrganisationController {

    private final OrganisationDirectory directory;

    public OrganisationController(OrganisationDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/v1/organisations")
    public List<OrganisationView> organisations() {
        return directory.all();
    }
}
